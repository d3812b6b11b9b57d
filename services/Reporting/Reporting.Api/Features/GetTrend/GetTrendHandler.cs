using System.Globalization;
using IcsComplaints.Calendar;
using IcsComplaints.Platform.Security;
using IcsComplaints.Reporting.Api.Data;
using IcsComplaints.Reporting.Domain.Measures;
using IcsComplaints.Reporting.Domain.Rules;
using IcsComplaints.Validation;

namespace IcsComplaints.Reporting.Api.Features.GetTrend;

/// <summary>A measure month by month, for an organisation or an ICB's providers together: exact, or prepared for publication.</summary>
public sealed class GetTrendHandler(ReportingAccess access, OversightQueries oversight, TimeProvider time)
{
    /// <summary>The count measure every trend can show besides the funnel's rates.</summary>
    public const string Received = "received";

    /// <summary>The trend ending with the current month.</summary>
    public async Task<IReadOnlyList<TrendPoint>> HandleAsync(Caller caller, string? organisation, string? measure, int? months, bool publication, CancellationToken ct)
    {
        var orgs = await access.TrendScopeAsync(caller, organisation, ct);
        var count = months ?? 12;
        if (count is < 2 or > 120)
        {
            throw new RequestValidationException("months", "Between 2 and 120 months.");
        }
        var key = measure ?? Received;
        if (key != Received && !FunnelLimits.Rates.ContainsKey(key))
        {
            throw new RequestValidationException("measure", $"One of: {Received}, {string.Join(", ", FunnelLimits.Rates.Keys)}.");
        }
        var today = LondonTime.Today(time);
        var last = new DateOnly(today.Year, today.Month, 1);
        var first = last.AddMonths(-(count - 1));
        var points = Monthly(await oversight.TrendRowsAsync(orgs, key, first, last, today, ct), key, first, last);
        return Publication.IsForPublication(ReportingOutput.Trend, publication) ? Publication.Trend(points) : points;
    }

    /// <summary>The rows of a trend folded into one point per month from <paramref name="first"/> to <paramref name="last"/>, months without rows included.</summary>
    public static IReadOnlyList<TrendPoint> Monthly(IReadOnlyList<TrendRow> rows, string key, DateOnly first, DateOnly last)
    {
        var points = new List<TrendPoint>();
        for (var month = first; month <= last; month = month.AddMonths(1))
        {
            var inMonth = rows.Where(r => r.Month == month && r.Applies).ToList();
            var label = month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            if (key == Received)
            {
                points.Add(new TrendPoint(label, inMonth.Count, null, inMonth.Count));
            }
            else
            {
                var rate = Rate.Of(inMonth.Count(r => r.Meets), inMonth.Count);
                points.Add(new TrendPoint(label, rate.Numerator, rate.Denominator, rate.Value));
            }
        }
        return points;
    }
}
