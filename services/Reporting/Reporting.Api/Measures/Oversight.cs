using System.Globalization;
using System.Text;
using IcsComplaints.Calendar;
using IcsComplaints.Reporting.Api.Data;
using IcsComplaints.Validation;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.Reporting.Api.Measures;

/// <summary>A provider on a funnel plot.</summary>
/// <param name="OrganisationCode">Provider.</param>
/// <param name="Numerator">Meeting the measure.</param>
/// <param name="Denominator">Applicable.</param>
/// <param name="Value">The provider's rate.</param>
/// <param name="Lower95">Lower 95% control limit at its volume.</param>
/// <param name="Upper95">Upper 95% limit.</param>
/// <param name="Lower998">Lower 99.8% limit.</param>
/// <param name="Upper998">Upper 99.8% limit.</param>
/// <param name="Position">
/// Within, AboveWarning (95%), AboveAlarm (99.8%), BelowWarning, BelowAlarm; TooFew when fewer than
/// <see cref="FunnelLimits.MinimumCases"/> cases (or no overall rate) to judge by; Withheld in a funnel for publication
/// when the small-numbers rule withholds the provider's rate (then nothing of the point is given, limits included:
/// they depend on its volume).
/// </param>
/// <param name="Suppressed">Withheld under the small-numbers rule (funnels for publication only).</param>
public sealed record FunnelPoint(
    string OrganisationCode, int? Numerator, int? Denominator, double? Value, double? Lower95, double? Upper95, double? Lower998, double? Upper998, string Position,
    bool Suppressed = false);

/// <summary>A fair comparison of providers on one rate.</summary>
/// <param name="Measure">The rate measure.</param>
/// <param name="Period">Period.</param>
/// <param name="Target">The ICB's overall rate across its providers: the funnel's centre (withheld, for publication, when it rests on small numbers).</param>
/// <param name="Points">Each provider.</param>
/// <param name="Suppressed">Prepared for publication: small numbers, and whatever would reveal them, withheld.</param>
public sealed record Funnel(string Measure, string Period, double? Target, IReadOnlyList<FunnelPoint> Points, bool Suppressed = false);

/// <summary>One month of a trend.</summary>
/// <param name="Month">yyyy-MM.</param>
/// <param name="Numerator">Numerator (or the count for a count measure).</param>
/// <param name="Denominator">Denominator (null for a count).</param>
/// <param name="Value">Rate or count.</param>
/// <param name="Suppressed">Withheld under the small-numbers rule (trends for publication only).</param>
public sealed record TrendPoint(string Month, int? Numerator, int? Denominator, double? Value, bool Suppressed = false);

/// <summary>What is overdue at a provider now.</summary>
/// <param name="OrganisationCode">Provider.</param>
/// <param name="Acknowledgements">Complaints not acknowledged although the third working day has passed.</param>
/// <param name="Responses">Open complaints past their agreed response date or early-resolution target.</param>
/// <param name="Backstops">Open complaints past the six-month backstop.</param>
/// <param name="OldestDueOn">The oldest missed date.</param>
public sealed record OverdueSummary(string OrganisationCode, int Acknowledgements, int Responses, int Backstops, DateOnly? OldestDueOn);

/// <summary>
/// ICB oversight: funnel plots (binomial control limits around the ICB's overall rate, which narrow as volume grows,
/// so a small practice is not ranked on noise — Spiegelhalter 2005), monthly trends and what is overdue.
/// </summary>
public sealed class OversightQueries(ReportingDbContext db, MeasureQueries measures, TimeProvider time)
{
    /// <summary>The rate measures a funnel can show.</summary>
    public static readonly IReadOnlyDictionary<string, Func<MeasureSet, Rate>> Rates = new Dictionary<string, Func<MeasureSet, Rate>>(StringComparer.Ordinal)
    {
        ["acknowledgedInTime"] = m => m.AcknowledgedInTime,
        ["resolvedEarly"] = m => m.ResolvedEarly,
        ["byAgreedDate"] = m => m.ByAgreedDate,
        ["upheldOrPartly"] = m => m.UpheldOrPartly,
        ["reopened"] = m => m.Reopened,
        ["withAdvocacy"] = m => m.WithAdvocacy,
    };

    /// <summary>The funnel for a rate measure across the providers: exact for the ICB's oversight, or prepared for publication.</summary>
    public async Task<Funnel> FunnelAsync(
        string icbCode, IReadOnlyCollection<string> providers, string? measure, ReportingPeriod period, bool publication, CancellationToken ct)
    {
        var key = RateKey(measure);
        var sets = await measures.ComputeAsync(providers, period, icbCode, ct);
        return Plot(key, period.Label, [.. sets.Where(s => s.OrganisationCode != icbCode)], sets.Single(s => s.OrganisationCode == icbCode), publication);
    }

    /// <summary>
    /// Places each provider against the overall rate. For publication the providers and their total are first
    /// protected together (<see cref="Publication.Oversight"/>), and a provider whose rate that withholds is given
    /// no figure at all: its limits would give its volume away.
    /// </summary>
    public static Funnel Plot(string key, string period, IReadOnlyList<MeasureSet> providers, MeasureSet allProviders, bool publication)
    {
        if (publication)
        {
            (providers, allProviders) = Publication.Oversight(providers, allProviders);
        }
        var target = Rates[key](allProviders).Value;
        var points = providers.Select(s =>
        {
            var rate = Rates[key](s);
            if (rate.Suppressed)
            {
                return new FunnelPoint(s.OrganisationCode, null, null, null, null, null, null, null, "Withheld", Suppressed: true);
            }
            if (target is not { } p || rate.Denominator is not ({ } n and >= FunnelLimits.MinimumCases))
            {
                return new FunnelPoint(s.OrganisationCode, rate.Numerator, rate.Denominator, rate.Value, null, null, null, null, "TooFew");
            }
            var warning = FunnelLimits.Of(p, n, FunnelLimits.Warning);
            var alarm = FunnelLimits.Of(p, n, FunnelLimits.Alarm);
            return new FunnelPoint(
                s.OrganisationCode, rate.Numerator, rate.Denominator, rate.Value, warning.Lower, warning.Upper, alarm.Lower, alarm.Upper,
                FunnelLimits.Position(rate.Value!.Value, warning, alarm));
        }).ToList();
        return new Funnel(key, period, target, points, publication);
    }

    /// <summary>A measure month by month, ending with the month of <paramref name="to"/>.</summary>
    public async Task<IReadOnlyList<TrendPoint>> TrendAsync(
        IReadOnlyCollection<string> organisations, string? measure, DateOnly to, int months, bool publication, CancellationToken ct)
    {
        if (months is < 2 or > 120)
        {
            throw new RequestValidationException("months", "Between 2 and 120 months.");
        }
        var key = measure ?? "received";
        if (key != "received" && !Rates.ContainsKey(key))
        {
            throw new RequestValidationException("measure", $"One of: received, {string.Join(", ", Rates.Keys)}.");
        }
        var last = new DateOnly(to.Year, to.Month, 1);
        var first = last.AddMonths(-(months - 1));
        var end = last.AddMonths(1).AddDays(-1);
        var orgs = organisations.ToList();
        var today = LondonTime.Today(time);
        // One read for the whole range, grouped by month here: a ten-year trend is one query, not 120.
        var byReceipt = key is "received" or "acknowledgedInTime" or "withAdvocacy";
        var rows = byReceipt
            ? await db.Cases.AsNoTracking()
                .Where(c => orgs.Contains(c.OrganisationCode) && c.ReceivedOn >= first && c.ReceivedOn <= end
                    && (c.Closure == null || !MeasureDefinitions.NotCounted.Contains(c.Closure)))
                .Select(c => new TrendRow(
                    c.ReceivedMonth!.Value,
                    key == "received" || (key == "acknowledgedInTime" ? c.AcknowledgedInTime != null || c.AcknowledgementDueBy < today : true),
                    key == "acknowledgedInTime" ? c.AcknowledgedInTime == true : c.Advocacy))
                .ToListAsync(ct)
            : await db.Cases.AsNoTracking()
                .Where(c => orgs.Contains(c.OrganisationCode) && c.ResponseSentOn >= first && c.ResponseSentOn <= end)
                .Select(c => new TrendRow(
                    new DateOnly(c.ResponseSentOn!.Value.Year, c.ResponseSentOn!.Value.Month, 1),
                    key != "byAgreedDate" || c.ByAgreedDate != null,
                    key == "resolvedEarly" ? c.ResolvedEarly == true
                    : key == "byAgreedDate" ? c.ByAgreedDate == true
                    : key == "upheldOrPartly" ? c.Outcome == "Upheld" || c.Outcome == "PartiallyUpheld"
                    : c.Reopened > 0))
                .ToListAsync(ct);
        var points = new List<TrendPoint>();
        for (var month = first; month <= last; month = month.AddMonths(1))
        {
            var inMonth = rows.Where(r => r.Month == month && r.Applies).ToList();
            var label = month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            if (key == "received")
            {
                points.Add(new TrendPoint(label, inMonth.Count, null, inMonth.Count));
            }
            else
            {
                var rate = Rate.Of(inMonth.Count(r => r.Meets), inMonth.Count);
                points.Add(new TrendPoint(label, rate.Numerator, rate.Denominator, rate.Value));
            }
        }
        return publication ? Publication.Trend(points) : points;
    }

    private sealed record TrendRow(DateOnly Month, bool Applies, bool Meets);

    /// <summary>What is overdue now at each provider: the ICB's operational oversight, in exact counts.</summary>
    public async Task<IReadOnlyList<OverdueSummary>> OverdueAsync(IReadOnlyCollection<string> providers, CancellationToken ct)
    {
        var today = LondonTime.Today(time);
        var orgs = providers.ToList();
        var open = await db.Cases.AsNoTracking()
            .Where(c => orgs.Contains(c.OrganisationCode) && c.ReceivedOn != null && c.ClosedOn == null && c.ResponseSentOn == null)
            .Select(c => new { c.CaseId, c.OrganisationCode, c.AcknowledgedOn, c.AcknowledgementDueBy })
            .ToListAsync(ct);
        var ids = open.Select(c => c.CaseId).ToList();
        var missed = await db.MissedDeadlines.AsNoTracking().Where(m => ids.Contains(m.CaseId)).ToListAsync(ct);
        return [.. orgs.Order(StringComparer.Ordinal).Select(org =>
        {
            var cases = open.Where(c => c.OrganisationCode == org).ToList();
            var caseIds = cases.Select(c => c.CaseId).ToHashSet();
            var lateAcks = cases.Where(c => c.AcknowledgedOn is null && c.AcknowledgementDueBy < today).ToList();
            var lateResponses = missed.Where(m => caseIds.Contains(m.CaseId) && m.Deadline is "Response" or "EarlyResolution").Select(m => m.CaseId).Distinct().Count();
            var backstops = missed.Where(m => caseIds.Contains(m.CaseId) && m.Deadline == "Backstop").Select(m => m.CaseId).Distinct().Count();
            // A missed acknowledgement since made, or a missed update, is no longer overdue.
            var oldest = lateAcks.Select(c => c.AcknowledgementDueBy)
                .Concat(missed.Where(m => caseIds.Contains(m.CaseId) && m.Deadline is "Response" or "EarlyResolution" or "Backstop").Select(m => (DateOnly?)m.DueOn)).Min();
            return new OverdueSummary(org, lateAcks.Count, lateResponses, backstops, oldest);
        })];
    }

    private static string RateKey(string? measure) =>
        measure is not null && Rates.ContainsKey(measure) ? measure
        : measure is null ? "acknowledgedInTime"
        : throw new RequestValidationException("measure", $"One of: {string.Join(", ", Rates.Keys)}.");
}

/// <summary>Charts as SVG, for the web interface and for reports: no script, a title and text alternatives.</summary>
public static class Charts
{
    private const int Width = 640;
    private const int Height = 400;
    private const int Margin = 50;

    /// <summary>A funnel plot: providers by volume and rate, with the 95% and 99.8% limits.</summary>
    public static string Funnel(Funnel funnel)
    {
        var shown = funnel.Points.Where(p => p.Value is not null && p.Denominator is not null).ToList();
        var maxN = Math.Max(10, shown.Select(p => p.Denominator!.Value).DefaultIfEmpty(10).Max());
        double X(double n) => Margin + ((Width - (2 * Margin)) * n / maxN);
        double Y(double v) => Height - Margin - ((Height - (2 * Margin)) * v);
        var svg = Start($"Funnel plot: {funnel.Measure}, {funnel.Period}");
        Axes(svg, $"complaints (0–{maxN})", funnel.Measure);
        if (funnel.Target is { } p)
        {
            svg.Append(Line(X(0), Y(p), X(maxN), Y(p), "#005eb8", "target"));
            foreach (var (z, colour) in new[] { (FunnelLimits.Warning, "#ffb81c"), (FunnelLimits.Alarm, "#d5281b") })
            {
                foreach (var upper in new[] { true, false })
                {
                    var points = Enumerable.Range(1, 60).Select(i => maxN * i / 60.0)
                        .Select(n => { var (l, u) = FunnelLimits.Of(p, Math.Max(1, (int)Math.Round(n)), z); return $"{Fmt(X(n))},{Fmt(Y(upper ? u : l))}"; });
                    svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{colour}\" stroke-dasharray=\"4 3\" points=\"{string.Join(' ', points)}\"/>");
                }
            }
        }
        foreach (var point in shown)
        {
            var colour = point.Position.StartsWith("Above", StringComparison.Ordinal) || point.Position.StartsWith("Below", StringComparison.Ordinal) ? "#d5281b" : "#212b32";
            svg.Append(CultureInfo.InvariantCulture,
                $"<circle cx=\"{Fmt(X(point.Denominator!.Value))}\" cy=\"{Fmt(Y(point.Value!.Value))}\" r=\"5\" fill=\"{colour}\"><title>{Escape(point.OrganisationCode)}: {point.Value * 100:0.0}% of {point.Denominator} ({point.Position})</title></circle>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Fmt(X(point.Denominator!.Value) + 7)}\" y=\"{Fmt(Y(point.Value!.Value) - 7)}\" font-size=\"11\">{Escape(point.OrganisationCode)}</text>");
        }
        return svg.Append("</svg>").ToString();
    }

    /// <summary>A line chart of a monthly series.</summary>
    public static string Trend(string title, IReadOnlyList<TrendPoint> points, bool rate)
    {
        var values = points.Select(p => p.Value).ToList();
        var max = rate ? 1.0 : Math.Max(1, values.Where(v => v is not null).Select(v => v!.Value).DefaultIfEmpty(1).Max());
        double X(int i) => Margin + ((Width - (2 * Margin)) * i / (double)Math.Max(1, points.Count - 1));
        double Y(double v) => Height - Margin - ((Height - (2 * Margin)) * v / max);
        var svg = Start(title);
        Axes(svg, $"{points[0].Month} to {points[^1].Month}", rate ? "rate" : $"count (0–{max})");
        var line = points.Select((p, i) => (p, i)).Where(x => x.p.Value is not null).Select(x => $"{Fmt(X(x.i))},{Fmt(Y(x.p.Value!.Value))}");
        svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"#005eb8\" stroke-width=\"2\" points=\"{string.Join(' ', line)}\"/>");
        foreach (var (p, i) in points.Select((p, i) => (p, i)).Where(x => x.p.Value is not null))
        {
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{Fmt(X(i))}\" cy=\"{Fmt(Y(p.Value!.Value))}\" r=\"3\" fill=\"#005eb8\"><title>{p.Month}: {p.Value}</title></circle>");
        }
        return svg.Append("</svg>").ToString();
    }

    private static StringBuilder Start(string title) => new StringBuilder()
        .Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{Escape(title)}\" font-family=\"Arial, sans-serif\">")
        .Append(CultureInfo.InvariantCulture, $"<title>{Escape(title)}</title><rect width=\"{Width}\" height=\"{Height}\" fill=\"#ffffff\"/>")
        .Append(CultureInfo.InvariantCulture, $"<text x=\"{Margin}\" y=\"24\" font-size=\"14\" font-weight=\"bold\">{Escape(title)}</text>");

    private static void Axes(StringBuilder svg, string xLabel, string yLabel)
    {
        svg.Append(Line(Margin, Height - Margin, Width - Margin, Height - Margin, "#4c6272", null));
        svg.Append(Line(Margin, Margin, Margin, Height - Margin, "#4c6272", null));
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width / 2}\" y=\"{Height - 12}\" font-size=\"12\" text-anchor=\"middle\">{Escape(xLabel)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"14\" y=\"{Height / 2}\" font-size=\"12\" transform=\"rotate(-90 14 {Height / 2})\" text-anchor=\"middle\">{Escape(yLabel)}</text>");
    }

    private static string Line(double x1, double y1, double x2, double y2, string colour, string? name) =>
        string.Create(CultureInfo.InvariantCulture, $"<line x1=\"{Fmt(x1)}\" y1=\"{Fmt(y1)}\" x2=\"{Fmt(x2)}\" y2=\"{Fmt(y2)}\" stroke=\"{colour}\"{(name is null ? "" : $" data-name=\"{name}\"")}/>");

    private static string Fmt(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Escape(string text) => System.Security.SecurityElement.Escape(text) ?? "";
}
