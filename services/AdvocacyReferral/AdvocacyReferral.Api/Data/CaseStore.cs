using IcsComplaints.AdvocacyReferral.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.AdvocacyReferral.Api.Data;

/// <summary>Loads and keeps the cases the case service announced.</summary>
public sealed class CaseStore(AdvocacyDbContext db)
{
    /// <summary>The case, tracked for change, or <c>null</c>.</summary>
    public Task<CaseReference?> FindAsync(Guid caseId, CancellationToken ct) => db.Cases.FirstOrDefaultAsync(c => c.CaseId == caseId, ct);

    /// <summary>The case to read, or <c>null</c>.</summary>
    public Task<CaseReference?> ReadAsync(Guid caseId, CancellationToken ct) => db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.CaseId == caseId, ct);

    /// <summary>True when the case is known.</summary>
    public Task<bool> ExistsAsync(Guid caseId, CancellationToken ct) => db.Cases.AnyAsync(c => c.CaseId == caseId, ct);

    /// <summary>Keeps a newly announced case.</summary>
    public void Add(CaseReference reference) => db.Cases.Add(reference);
}
