using IcsComplaints.Reporting.Domain.Measures;
using IcsComplaints.Reporting.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.Reporting.Api.Data;

/// <summary>Reads each organisation's counts behind the rates <see cref="PeerComparison"/> compares.</summary>
public sealed class PeerQueries(ReportingDbContext db)
{
    /// <summary>The counts of every organisation given, for each compared rate, in a period.</summary>
    public async Task<IReadOnlyList<PeerCounts>> CountsAsync(IReadOnlyCollection<string> organisations, ReportingPeriod period, DateOnly today, CancellationToken ct)
    {
        var orgs = organisations.ToList();
        var received = await db.Cases.AsNoTracking()
            .Where(c => orgs.Contains(c.OrganisationCode) && c.ReceivedOn >= period.From && c.ReceivedOn <= period.To
                && (c.Closure == null || !Ko41Counting.NotCounted.Contains(c.Closure)))
            .GroupBy(c => c.OrganisationCode)
            .Select(g => new
            {
                Organisation = g.Key,
                AckApplies = g.Count(c => c.AcknowledgedInTime != null || c.AcknowledgementDueBy < today),
                AckInTime = g.Count(c => c.AcknowledgedInTime == true),
            }).ToListAsync(ct);
        var responded = await db.Cases.AsNoTracking()
            .Where(c => orgs.Contains(c.OrganisationCode) && c.ResponseSentOn >= period.From && c.ResponseSentOn <= period.To)
            .GroupBy(c => c.OrganisationCode)
            .Select(g => new
            {
                Organisation = g.Key,
                Responses = g.Count(),
                Early = g.Count(c => c.ResolvedEarly == true),
                Agreed = g.Count(c => c.ByAgreedDate != null),
                ByAgreed = g.Count(c => c.ByAgreedDate == true),
                Upheld = g.Count(c => c.Outcome == MeasureDefinitions.Upheld || c.Outcome == MeasureDefinitions.PartiallyUpheld),
            }).ToListAsync(ct);
        return
        [
            .. received.Select(r => new PeerCounts("acknowledgedInTime", r.Organisation, r.AckInTime, r.AckApplies)),
            .. responded.Select(r => new PeerCounts("resolvedEarly", r.Organisation, r.Early, r.Responses)),
            .. responded.Select(r => new PeerCounts("byAgreedDate", r.Organisation, r.ByAgreed, r.Agreed)),
            .. responded.Select(r => new PeerCounts("upheldOrPartly", r.Organisation, r.Upheld, r.Responses)),
        ];
    }
}
