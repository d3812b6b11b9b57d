using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace IcsComplaints.Intake.Api.Data;

/// <summary>
/// Uploaded imports and their rows, in the unit of work of the request or of the worker's batch (shared with
/// <see cref="ComplaintStore"/>, so a batch's complaints and its rows' outcomes commit together).
/// </summary>
public sealed class ImportJobStore(IntakeDbContext db)
{
    private IDbContextTransaction? _transaction;

    /// <summary>Adds a new import and its rows.</summary>
    public void Add(ComplaintImportJob job, IEnumerable<ComplaintImportRow> rows)
    {
        db.ImportJobs.Add(job);
        db.ImportRows.AddRange(rows);
    }

    /// <summary>Writes what was added.</summary>
    public Task SaveAsync(CancellationToken ct) => db.SaveChangesAsync(ct);

    /// <summary>The organisation's import, unchanged, or <c>null</c>.</summary>
    public Task<ComplaintImportJob?> FindAsync(Guid id, string organisation, CancellationToken ct) =>
        db.ImportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id && j.OrganisationCode == organisation, ct);

    /// <summary>The import's rejected rows, by line.</summary>
    public Task<List<ComplaintImportRow>> RejectedRowsAsync(Guid id, CancellationToken ct) =>
        db.ImportRows.AsNoTracking().Where(r => r.JobId == id && r.Outcome == ImportRowOutcome.Rejected).OrderBy(r => r.Line).ToListAsync(ct);

    /// <summary>
    /// Begins a transaction and locks the oldest unfinished import that no one else has locked, or returns <c>null</c>.
    /// The lock holds until <see cref="CommitAsync"/>, or the end of the scope, which rolls back.
    /// </summary>
    public async Task<ComplaintImportJob?> LockNextUnfinishedAsync(CancellationToken ct)
    {
        _transaction = await db.Database.BeginTransactionAsync(ct);
        return await db.ImportJobs
            .FromSql($"SELECT * FROM intake.complaint_import_jobs WHERE state <> 'Finished' ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED")
            .SingleOrDefaultAsync(ct);
    }

    /// <summary>The first rows without an outcome, by line.</summary>
    public Task<List<ComplaintImportRow>> PendingRowsAsync(Guid jobId, int take, CancellationToken ct) =>
        db.ImportRows.Where(r => r.JobId == jobId && r.Outcome == ImportRowOutcome.Pending).OrderBy(r => r.Line).Take(take).ToListAsync(ct);

    /// <summary>The first line of each external id in the whole file.</summary>
    public Task<Dictionary<string, int>> FirstLinesAsync(Guid jobId, CancellationToken ct) =>
        db.ImportRows.AsNoTracking()
            .Where(r => r.JobId == jobId && r.ExternalId != null)
            .GroupBy(r => r.ExternalId!)
            .Select(g => new { ExternalId = g.Key, Line = g.Min(r => r.Line) })
            .ToDictionaryAsync(g => g.ExternalId, g => g.Line, StringComparer.Ordinal, ct);

    /// <summary>Commits the transaction begun by <see cref="LockNextUnfinishedAsync"/>.</summary>
    public Task CommitAsync(CancellationToken ct) => _transaction?.CommitAsync(ct) ?? Task.CompletedTask;
}
