using IcsComplaints.Correspondence.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.Correspondence.Api.Data;

/// <summary>Loads and saves the staff complained about, as announced for each case.</summary>
public sealed class StaffStore(CorrespondenceDbContext db)
{
    /// <summary>The member of staff, tracked for change, or <c>null</c> when not announced before.</summary>
    public Task<StaffToTell?> FindAsync(Guid caseId, long staffId, CancellationToken ct) =>
        db.StaffToTell.FirstOrDefaultAsync(s => s.CaseId == caseId && s.StaffId == staffId, ct);

    /// <summary>Adds a member of staff not seen before.</summary>
    public void Add(StaffToTell staff) => db.StaffToTell.Add(staff);

    /// <summary>The staff of the case for whom the case holds a work address.</summary>
    public Task<List<StaffToTell>> WithWorkEmailAsync(Guid caseId, CancellationToken ct) =>
        db.StaffToTell.AsNoTracking().Where(s => s.CaseId == caseId && s.HasWorkEmail).OrderBy(s => s.StaffId).ToListAsync(ct);
}
