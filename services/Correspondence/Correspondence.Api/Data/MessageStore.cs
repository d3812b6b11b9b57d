using IcsComplaints.Correspondence.Domain.Cases;
using IcsComplaints.Correspondence.Domain.Messages;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.Correspondence.Api.Data;

/// <summary>Loads and saves cases and messages over one <see cref="CorrespondenceDbContext"/>.</summary>
public sealed class MessageStore(CorrespondenceDbContext db)
{
    /// <summary>The case, or <c>null</c> when the case service has not announced it.</summary>
    public Task<KnownCase?> FindCaseAsync(Guid caseId, CancellationToken ct) => db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.CaseId == caseId, ct);

    /// <summary>The case a message is about, or <c>null</c> when it is about a complaint without a case (ADR 37) or the case is not announced yet.</summary>
    public Task<KnownCase?> FindCaseAsync(Guid? caseId, CancellationToken ct) =>
        caseId is { } id ? FindCaseAsync(id, ct) : Task.FromResult<KnownCase?>(null);

    /// <summary>Adds a case unless it is known already.</summary>
    public async Task AddCaseAsync(KnownCase opened, CancellationToken ct)
    {
        if (!await db.Cases.AnyAsync(c => c.CaseId == opened.CaseId, ct))
        {
            db.Cases.Add(opened);
        }
    }

    /// <summary>
    /// Queues a message unless one is already owed for the same event, template and recipient (an event that
    /// came back after its inbox row expired); the unique index stands behind this check.
    /// </summary>
    public async Task QueueAsync(SentMessage message, CancellationToken ct)
    {
        var owed = await db.Messages.AnyAsync(
            m => m.EventId == message.EventId && m.Template == message.Template && m.RecipientRole == message.RecipientRole
                && m.RecipientCode == message.RecipientCode, ct);
        if (!owed)
        {
            db.Messages.Add(message);
        }
    }

    /// <summary>The messages of a template for one recipient of the case still waiting to be sent, tracked for change.</summary>
    public Task<List<SentMessage>> WaitingAsync(Guid caseId, string template, string recipientCode, CancellationToken ct) => db.Messages
        .Where(m => m.CaseId == caseId && m.Template == template && m.RecipientCode == recipientCode && m.Status == MessageStatus.Queued)
        .ToListAsync(ct);

    /// <summary>
    /// Claims the next message due and begins its attempt, committed before anything is sent: the row is locked
    /// while it is claimed, so another replica skips it, and the recorded attempt pushes its next try past the lease,
    /// so no other dispatcher takes it while this one sends. Returns <c>null</c> when nothing is due.
    /// </summary>
    public async Task<Guid?> ClaimNextDueAsync(DateTimeOffset now, TimeSpan lease, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var due = await db.Messages
            .FromSql($"""
                SELECT * FROM correspondence.messages
                WHERE status IN ('Queued', 'Sending') AND next_attempt_at <= {now}
                ORDER BY next_attempt_at
                LIMIT 1
                FOR UPDATE SKIP LOCKED
                """)
            .FirstOrDefaultAsync(ct);
        if (due is null)
        {
            return null;
        }
        due.BeginAttempt(now, lease);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return due.Id;
    }

    /// <summary>
    /// Applies <paramref name="change"/> to a message with its row locked, and saves it when the change says it changed
    /// anything: two receipts for one message arriving together are applied one after the other, so neither undoes the
    /// other. Returns <c>null</c> when there is no such message, else whether it changed.
    /// </summary>
    public async Task<bool?> ChangeLockedAsync(Guid id, Func<SentMessage, bool> change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(change);
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var message = await db.Messages
            .FromSql($"SELECT * FROM correspondence.messages WHERE id = {id} FOR UPDATE")
            .FirstOrDefaultAsync(ct);
        if (message is null)
        {
            return null;
        }
        var changed = change(message);
        if (changed)
        {
            await db.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);
        return changed;
    }

    /// <summary>The message to change.</summary>
    public Task<SentMessage> GetAsync(Guid id, CancellationToken ct) => db.Messages.FirstAsync(m => m.Id == id, ct);

    /// <summary>Forgets tracked state, so the next read sees the database.</summary>
    public void Forget() => db.ChangeTracker.Clear();

    /// <summary>Saves every change.</summary>
    public Task SaveAsync(CancellationToken ct) => db.SaveChangesAsync(ct);
}
