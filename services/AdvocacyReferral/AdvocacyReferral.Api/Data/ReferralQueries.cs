using IcsComplaints.AdvocacyReferral.Domain.Cases;
using IcsComplaints.AdvocacyReferral.Domain.Referrals;
using IcsComplaints.AdvocacyReferral.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.AdvocacyReferral.Api.Data;

/// <summary>A referral with its case and grant, as a list shows it.</summary>
/// <param name="Referral">The referral.</param>
/// <param name="Case">Its case.</param>
/// <param name="Grant">Its grant.</param>
public sealed record ReferralRow(Referral Referral, CaseReference Case, ConsentGrant Grant);

/// <summary>Reads referrals and grants.</summary>
public sealed class ReferralQueries(AdvocacyDbContext db)
{
    /// <summary>The newest referrals the readership may see, optionally of one case.</summary>
    public async Task<IReadOnlyList<ReferralRow>> ListAsync(Readership readership, Guid? caseId, int limit, CancellationToken ct)
    {
        var grants = readership is Readership.AdvocacyService ? db.Grants.Where(ConsentScope.InForce) : db.Grants;
        var query = from r in db.Referrals.AsNoTracking()
                    join c in db.Cases.AsNoTracking() on r.CaseId equals c.CaseId
                    join g in grants.AsNoTracking() on r.GrantId equals g.Id
                    select new { r, c, g };
        if (caseId is { } id)
        {
            query = query.Where(x => x.r.CaseId == id);
        }
        query = readership switch
        {
            Readership.AdvocacyService service => query.Where(x => x.r.AdvocacyServiceCode == service.Code),
            Readership.Organisation organisation => query.Where(x => x.c.OrganisationCode == organisation.Code),
            Readership.Complainant complainant => query.Where(x => x.c.ComplainantSubjectId == complainant.SubjectId),
            _ => throw new ArgumentOutOfRangeException(nameof(readership)),
        };
        var rows = await query.OrderByDescending(x => x.r.RequestedOn).Take(limit).ToListAsync(ct);
        return [.. rows.Select(x => new ReferralRow(x.r, x.c, x.g))];
    }

    /// <summary>The services with an accepted referral and a grant in force to review the case's drafts.</summary>
    public async Task<IReadOnlyList<string>> DraftReviewersAsync(Guid caseId, CancellationToken ct) =>
        await (from r in db.Referrals.AsNoTracking()
               join g in db.Grants.AsNoTracking().Where(ConsentScope.InForceForDrafts) on r.GrantId equals g.Id
               where r.CaseId == caseId && r.Status == ReferralStatus.Accepted
               select r.AdvocacyServiceCode).Distinct().ToListAsync(ct);

    /// <summary>
    /// The service's grant that lets it into the case today: in force, or reading the closed case until its planned
    /// end (<see cref="ConsentPlannedEnd"/>); <c>null</c> when none does.
    /// </summary>
    public async Task<ConsentGrant?> GrantInForceAsync(Guid caseId, string advocacyServiceCode, DateOnly today, CancellationToken ct) =>
        (await GrantsOfServiceAsync(caseId, advocacyServiceCode, ct)).FirstOrDefault(g => ConsentPlannedEnd.Readable(g, today));

    /// <summary>
    /// When none lets the service in today, its grant on the case whose access ended last, with the day it ended;
    /// <c>null</c> when one still does or the service never had one.
    /// </summary>
    public async Task<(ConsentGrant Grant, DateOnly EndedOn)?> LatestEndedGrantAsync(Guid caseId, string advocacyServiceCode, DateOnly today, CancellationToken ct)
    {
        var grants = await GrantsOfServiceAsync(caseId, advocacyServiceCode, ct);
        if (grants.Any(g => ConsentPlannedEnd.Readable(g, today)))
        {
            return null;
        }
        return grants.Select(g => (Grant: g, EndedOn: ConsentPlannedEnd.AccessEndedOn(g, today)))
            .Where(e => e.EndedOn is not null)
            .Select(e => (e.Grant, EndedOn: e.EndedOn!.Value))
            .OrderByDescending(e => e.EndedOn)
            .Cast<(ConsentGrant Grant, DateOnly EndedOn)?>()
            .FirstOrDefault();
    }

    private Task<List<ConsentGrant>> GrantsOfServiceAsync(Guid caseId, string advocacyServiceCode, CancellationToken ct) =>
        db.Grants.AsNoTracking().Where(g => g.CaseId == caseId && g.AdvocacyServiceCode == advocacyServiceCode).ToListAsync(ct);

    /// <summary>The case's referrals with the grants they came with, oldest first.</summary>
    public async Task<IReadOnlyList<(Referral Referral, ConsentGrant Grant)>> WithGrantsOfCaseAsync(Guid caseId, CancellationToken ct)
    {
        var rows = await (from r in db.Referrals.AsNoTracking()
                          join g in db.Grants.AsNoTracking() on r.GrantId equals g.Id
                          where r.CaseId == caseId
                          orderby r.RequestedOn, r.Id
                          select new { r, g }).ToListAsync(ct);
        return [.. rows.Select(x => (x.r, x.g))];
    }
}
