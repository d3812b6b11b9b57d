using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.Reporting.Api.Data;

/// <summary>
/// The event log and the lock that keeps consumers and a rebuild apart (ADR 15). Consumers and a rebuild exclude each
/// other through one advisory lock, taken before any table is touched: each consumer's transaction shares it, a
/// rebuild holds it alone. Table locks deadlock instead, because a consumer reads the read models before it appends
/// to the log while a rebuild would lock the log before emptying them. The two-key form keeps it apart from the
/// single-key locks taken on complaints.
/// </summary>
public sealed class EventLog(ReportingDbContext db)
{
    private const string ConsumerLock = "SELECT pg_advisory_xact_lock_shared(1380274244, 1)";
    private const string RebuildLock = "SELECT pg_advisory_xact_lock(1380274244, 1)";

    // Built from constants only: no input reaches this statement. Surrogate keys carry on from where they were rather
    // than restart: restarting a sequence takes its owner, and the service runs as a role that owns nothing (ADR 17).
    private static readonly string TruncateReadModels =
        $"TRUNCATE {string.Join(", ", ReportingDbContext.ReadModelTables.Select(t => $"{ReportingDbContext.Schema}.{t}"))}";

    /// <summary>Waits while a rebuild runs, and keeps one from starting until the caller's transaction ends.</summary>
    public Task HoldOffRebuildAsync(CancellationToken ct) => db.Database.ExecuteSqlRawAsync(ConsumerLock, ct);

    /// <summary>Appends an event, in the caller's unit of work.</summary>
    public void Append(LoggedEvent logged) => db.EventLog.Add(logged);

    /// <summary>
    /// Empties the read models and replays the log in order through <paramref name="apply"/>, in one transaction that
    /// first waits for events being applied and then holds new ones back, so nothing is applied twice or missed.
    /// Each batch is saved before the next is read. Returns the events replayed.
    /// </summary>
    public async Task<long> ReplayAsync(Func<LoggedEvent, CancellationToken, Task> apply, int batch, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync(RebuildLock, ct);
        await db.Database.ExecuteSqlRawAsync(TruncateReadModels, ct);
        long last = 0, replayed = 0;
        while (true)
        {
            db.ChangeTracker.Clear();
            var events = await db.EventLog.AsNoTracking().Where(e => e.Id > last).OrderBy(e => e.Id).Take(batch).ToListAsync(ct);
            if (events.Count == 0)
            {
                break;
            }
            foreach (var logged in events)
            {
                await apply(logged, ct);
            }
            await db.SaveChangesAsync(ct);
            last = events[^1].Id;
            replayed += events.Count;
        }
        await transaction.CommitAsync(ct);
        return replayed;
    }

    /// <summary>The cases in the read model.</summary>
    public Task<int> CountCasesAsync(CancellationToken ct) => db.Cases.CountAsync(ct);
}
