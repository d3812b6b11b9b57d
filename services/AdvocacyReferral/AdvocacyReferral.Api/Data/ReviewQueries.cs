using IcsComplaints.AdvocacyReferral.Domain.Reviews;
using IcsComplaints.AdvocacyReferral.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.AdvocacyReferral.Api.Data;

/// <summary>Reads reviews of drafts with their comments.</summary>
public sealed class ReviewQueries(AdvocacyDbContext db)
{
    /// <summary>The newest reviews the readership may see, optionally of one case, with their comments.</summary>
    public async Task<IReadOnlyList<ReviewTask>> ListAsync(Readership readership, Guid? caseId, int limit, CancellationToken ct)
    {
        var query = from r in db.Reviews.AsNoTracking().Include(r => r.Comments)
                    join c in db.Cases.AsNoTracking() on r.CaseId equals c.CaseId
                    select new { r, c };
        if (caseId is { } id)
        {
            query = query.Where(x => x.r.CaseId == id);
        }
        var draftsGrants = db.Grants.Where(ConsentScope.InForceForDrafts);
        query = readership switch
        {
            // An advocacy service sees a review only while consent to review drafts is in force.
            Readership.AdvocacyService service => query.Where(x => x.r.AdvocacyServiceCode == service.Code &&
                draftsGrants.Any(g => g.CaseId == x.r.CaseId && g.AdvocacyServiceCode == service.Code)),
            Readership.Organisation organisation => query.Where(x => x.c.OrganisationCode == organisation.Code),
            Readership.Complainant complainant => query.Where(x => x.c.ComplainantSubjectId == complainant.SubjectId),
            _ => throw new ArgumentOutOfRangeException(nameof(readership)),
        };
        var rows = await query.OrderByDescending(x => x.r.SharedOn).ThenByDescending(x => x.r.Version).Take(limit).ToListAsync(ct);
        return [.. rows.Select(x => x.r)];
    }
}
