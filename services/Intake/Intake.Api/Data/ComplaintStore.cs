using IcsComplaints.Intake.Domain.Complaints;
using IcsComplaints.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace IcsComplaints.Intake.Api.Data;

/// <summary>
/// Loads and saves complaints for the features that change them, in the request's (or the consumer's) unit of work:
/// what is added here is written, with the outbox, by one <see cref="SaveAsync"/>.
/// </summary>
public sealed class ComplaintStore(IntakeDbContext db)
{
    /// <summary>The unique index that refuses a reference drawn twice.</summary>
    public const string ReferenceConstraint = "ix_complaints_reference";

    /// <summary>The unique index that refuses a complaint imported twice from the same source.</summary>
    public const string ImportConstraint = "ix_complaints_import_source_import_external_id";

    /// <summary>The key of the first answers to keyed requests, which refuses a key used twice.</summary>
    public const string IdempotencyKeyConstraint = "pk_idempotency_records";

    /// <summary>The unique index that makes a concern one complaint at most.</summary>
    public const string FromConcernConstraint = "ix_complaints_from_concern_id";

    /// <summary>A complaint to change, or <c>null</c>.</summary>
    public Task<Complaint?> FindAsync(Guid id, CancellationToken ct) => db.Complaints.FirstOrDefaultAsync(c => c.Id == id, ct);

    /// <summary>The complaint when <paramref name="organisationCode"/> handles it now, or <c>null</c>.</summary>
    public Task<Complaint?> FindHandledByAsync(Guid id, string organisationCode, CancellationToken ct) =>
        db.Complaints.FirstOrDefaultAsync(c => c.Id == id && c.HandlingOrganisationCode == organisationCode, ct);

    /// <summary>The complaint followed through a case, or <c>null</c>.</summary>
    public Task<Complaint?> FindByCaseAsync(Guid caseId, CancellationToken ct) => db.Complaints.FirstOrDefaultAsync(c => c.CaseId == caseId, ct);

    /// <summary>True when the two complaints were found to be possible duplicates of each other.</summary>
    public Task<bool> WerePairedAsync(Guid one, Guid other, CancellationToken ct) =>
        db.DuplicateCandidates.AnyAsync(d =>
            (d.ComplaintId == one && d.CandidateComplaintId == other) || (d.ComplaintId == other && d.CandidateComplaintId == one), ct);

    /// <summary>
    /// Turns off change detection for a unit of work that only adds (an import batch): thousands of new complaints are
    /// written without being compared with themselves at every step.
    /// </summary>
    public void AddWithoutTracking() => db.ChangeTracker.AutoDetectChangesEnabled = false;

    /// <summary>The identifiers, among <paramref name="externalIds"/>, of complaints already imported from <paramref name="source"/>.</summary>
    public async Task<HashSet<string>> ImportedAsync(string source, IReadOnlyList<string> externalIds, CancellationToken ct) =>
        (await db.Complaints.AsNoTracking()
            .Where(c => c.ImportSource == source && externalIds.Contains(c.ImportExternalId!))
            .Select(c => c.ImportExternalId!)
            .ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);

    /// <summary>Adds an entry to the audit trail.</summary>
    public void Add(AuditEntry entry) => db.Set<AuditEntry>().Add(entry);

    /// <summary>Adds a new complaint.</summary>
    public void Add(Complaint complaint) => db.Complaints.Add(complaint);

    /// <summary>Adds a letter owed because of a decision.</summary>
    public void Add(ComplaintNotification notification) => db.ComplaintNotifications.Add(notification);

    /// <summary>Adds a pair of possible duplicates.</summary>
    public void Add(DuplicateCandidate candidate) => db.DuplicateCandidates.Add(candidate);

    /// <summary>Adds the first answer to a keyed request.</summary>
    public void Add(IdempotencyRecord record) => db.IdempotencyRecords.Add(record);

    /// <summary>The first answer to a keyed request, or <c>null</c>.</summary>
    public Task<IdempotencyRecord?> FindIdempotencyRecordAsync(string key, CancellationToken ct) =>
        db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Key == key, ct);

    /// <summary>Writes everything added or changed, with the outbox, in one transaction.</summary>
    public Task SaveAsync(CancellationToken ct) => db.SaveChangesAsync(ct);

    /// <summary>
    /// Writes like <see cref="SaveAsync"/>; when one of the unique <paramref name="constraints"/> refuses the write,
    /// forgets everything not yet written and returns that constraint's name, so the caller can decide afresh.
    /// <c>null</c> when written.
    /// </summary>
    public async Task<string?> SaveUnlessRefusedAsync(IReadOnlyCollection<string> constraints, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg &&
                                            pg.ConstraintName is { } constraint && constraints.Contains(constraint))
        {
            db.ChangeTracker.Clear();
            return constraint;
        }
    }
}
