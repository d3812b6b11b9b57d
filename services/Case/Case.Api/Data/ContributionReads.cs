using IcsComplaints.Case.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.Case.Api.Data;

/// <summary>Reads the open cases an organisation contributes to (Reg 9), untracked, with what their clocks need.</summary>
public sealed class ContributionReads(CaseDbContext db)
{
    /// <summary>Open cases led by others that <paramref name="organisationCode"/> was asked to contribute to, oldest first.</summary>
    public Task<List<ComplaintCase>> OpenCasesContributedToAsync(string organisationCode, int take, CancellationToken ct) => db.Cases.AsNoTracking()
        .Where(c => c.Stage != CaseStage.Closed && c.Contributions.Any(x => x.OrganisationCode == organisationCode))
        .Include(c => c.Contributions).Include(c => c.Agreements).Include(c => c.Pauses).AsSplitQuery()
        .OrderBy(c => c.ReceivedOn).Take(take).ToListAsync(ct);
}
