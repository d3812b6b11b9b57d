using IcsComplaints.Case.Domain.Documents;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.Case.Api.Data;

/// <summary>The records of files on cases (their bytes are in the content store).</summary>
public sealed class DocumentStore(CaseDbContext db)
{
    /// <summary>How many files a case holds and their bytes in all, quarantined files included.</summary>
    public async Task<(int Files, long Bytes)> HeldAsync(Guid caseId, CancellationToken ct)
    {
        var held = await db.CaseDocuments.Where(d => d.CaseId == caseId).GroupBy(d => d.CaseId)
            .Select(g => new { Files = g.Count(), Bytes = g.Sum(d => d.SizeBytes) }).SingleOrDefaultAsync(ct);
        return (held?.Files ?? 0, held?.Bytes ?? 0);
    }

    /// <summary>One file of a case, unchanged by what follows; <c>null</c> when the case has no such file.</summary>
    public Task<CaseDocument?> FindAsync(Guid caseId, Guid documentId, CancellationToken ct) =>
        db.CaseDocuments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == documentId && d.CaseId == caseId, ct);

    /// <summary>The files of a case, oldest first; only those from <paramref name="only"/> when given.</summary>
    public Task<List<CaseDocument>> ListAsync(Guid caseId, DocumentSource? only, CancellationToken ct) =>
        db.CaseDocuments.AsNoTracking().Where(d => d.CaseId == caseId && (only == null || d.Source == only)).OrderBy(d => d.AddedAt).ToListAsync(ct);

    /// <summary>Files not scanned yet, oldest first, to be scanned and saved.</summary>
    public Task<List<CaseDocument>> WaitingAsync(int most, CancellationToken ct) =>
        db.CaseDocuments.Where(d => d.Scan == DocumentScan.Pending).OrderBy(d => d.AddedAt).Take(most).ToListAsync(ct);

    /// <summary>Adds a file's record, saved with the next save.</summary>
    public void Add(CaseDocument document) => db.CaseDocuments.Add(document);

    /// <summary>Saves what changed, the audit entries recorded with it included.</summary>
    public Task SaveAsync(CancellationToken ct) => db.SaveChangesAsync(ct);
}
