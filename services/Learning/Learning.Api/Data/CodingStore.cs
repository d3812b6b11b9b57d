using IcsComplaints.Learning.Domain.Coding;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.Learning.Api.Data;

/// <summary>Loads and saves HCAT codings over the request's one <see cref="LearningDbContext"/>.</summary>
public sealed class CodingStore(LearningDbContext db)
{
    /// <summary>The codings of one subject of a case, to change.</summary>
    public Task<List<HcatCoding>> OfSubjectAsync(Guid caseId, CodingSubject subject, CancellationToken ct) =>
        db.Codings.Where(x => x.CaseId == caseId && x.Subject == subject).ToListAsync(ct);

    /// <summary>Every coding of a case, to read, oldest first and the first coding before the independent one.</summary>
    public Task<List<HcatCoding>> OfCaseAsync(Guid caseId, CancellationToken ct) =>
        db.Codings.AsNoTracking().Where(x => x.CaseId == caseId).OrderBy(x => x.CodedOn).ThenBy(x => x.Independent).ToListAsync(ct);

    /// <summary>Adds a coding, saved with the rest.</summary>
    public void Add(HcatCoding coding) => db.Codings.Add(coding);

    /// <summary>Saves every change, with the outbox messages and audit records written alongside.</summary>
    public Task SaveAsync(CancellationToken ct) => db.SaveChangesAsync(ct);
}
