using IcsComplaints.Reporting.Domain.Facts;
using IcsComplaints.Reporting.Domain.Measures;
using IcsComplaints.Reporting.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.Reporting.Api.Data;

/// <summary>A complaint in a month of a trend: whether the measure applies to it, and whether it meets it.</summary>
/// <param name="Month">First day of the month.</param>
/// <param name="Applies">Counted in the denominator (always, for a count).</param>
/// <param name="Meets">Counted in the numerator.</param>
public sealed record TrendRow(DateOnly Month, bool Applies, bool Meets);

/// <summary>Reads what ICB oversight shows beyond the measures: a measure month by month, and what is open and overdue.</summary>
public sealed class OversightQueries(ReportingDbContext db)
{
    /// <summary>
    /// The complaints behind a measure for each month from <paramref name="first"/> to the end of <paramref name="last"/>,
    /// in one read for the whole range: a ten-year trend is one query, not 120. Counted by the month received for
    /// measures of complaints received, by the month responded for measures of responses.
    /// </summary>
    public async Task<IReadOnlyList<TrendRow>> TrendRowsAsync(
        IReadOnlyCollection<string> organisations, string key, DateOnly first, DateOnly last, DateOnly today, CancellationToken ct)
    {
        var end = last.AddMonths(1).AddDays(-1);
        var orgs = organisations.ToList();
        var byReceipt = key is "received" or "acknowledgedInTime" or "withAdvocacy";
        return byReceipt
            ? await db.Cases.AsNoTracking()
                .Where(c => orgs.Contains(c.OrganisationCode) && c.ReceivedOn >= first && c.ReceivedOn <= end
                    && (c.Closure == null || !Ko41Counting.NotCounted.Contains(c.Closure)))
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
                    : key == "upheldOrPartly" ? c.Outcome == MeasureDefinitions.Upheld || c.Outcome == MeasureDefinitions.PartiallyUpheld
                    : c.Reopened > 0))
                .ToListAsync(ct);
    }

    /// <summary>The providers' open complaints (received, neither responded to nor closed) and the deadlines found missed on them.</summary>
    public async Task<(IReadOnlyList<OpenCase> Open, IReadOnlyList<MissedDeadline> Missed)> OpenAsync(IReadOnlyCollection<string> providers, CancellationToken ct)
    {
        var orgs = providers.ToList();
        var open = await db.Cases.AsNoTracking()
            .Where(c => orgs.Contains(c.OrganisationCode) && c.ReceivedOn != null && c.ClosedOn == null && c.ResponseSentOn == null)
            .Select(c => new OpenCase(c.CaseId, c.OrganisationCode, c.AcknowledgedOn, c.AcknowledgementDueBy, c.ReceivedOn))
            .ToListAsync(ct);
        var ids = open.Select(c => c.CaseId).ToList();
        var missed = await db.MissedDeadlines.AsNoTracking().Where(m => ids.Contains(m.CaseId)).ToListAsync(ct);
        return (open, missed);
    }

    /// <summary>The complaints made to an ICB about its providers, each with the case that shows what became of it.</summary>
    public async Task<IReadOnlyList<TransferRow>> TransfersAsync(string icb, CancellationToken ct)
    {
        // The provider's case is the one opened at the provider it was transferred to; the ICB's own case (on hold
        // while consent is awaited) identifies a complaint still waiting.
        return await db.Transfers.AsNoTracking()
            .Where(t => t.IcbCode == icb && t.ReceivedOn != null)
            .Select(t => new
            {
                Transfer = t,
                Case = db.Cases.Where(c => c.ComplaintId == t.ComplaintId && c.OrganisationCode == (t.ToOrganisationCode ?? icb)).OrderBy(c => c.ReceivedOn).FirstOrDefault(),
            })
            .Select(x => new TransferRow(
                x.Transfer.ComplaintId, x.Transfer.ReceivedOn!.Value, x.Transfer.ConsentAwaited, x.Transfer.ConsentRecordedOn, x.Transfer.TransferredOn,
                x.Transfer.ToOrganisationCode, x.Transfer.EndedOn,
                x.Case == null ? null : x.Case.CaseId, x.Case == null ? null : x.Case.ResponseSentOn, x.Case == null ? null : x.Case.Outcome,
                x.Case == null ? null : x.Case.ClosedOn, x.Case == null ? null : x.Case.Closure))
            .ToListAsync(ct);
    }
}
