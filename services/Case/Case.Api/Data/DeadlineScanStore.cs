using IcsComplaints.Case.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace IcsComplaints.Case.Api.Data;

/// <summary>What the deadline scan reads and writes: the cases whose clocks run, and the alerts already raised.</summary>
public sealed class DeadlineScanStore(CaseDbContext db)
{
    /// <summary>Cases waiting on a review whose window ended before <paramref name="today"/>, to expire it.</summary>
    public Task<List<ComplaintCase>> ReviewsPastTheirWindowAsync(DateOnly today, CancellationToken ct) => db.Cases.Include(c => c.Reviews)
        .Where(c => c.Stage == CaseStage.ResponseDrafted && c.Reviews.Any(r => r.Status == DraftReviewStatus.Open && r.WindowEndsOn < today))
        .ToListAsync(ct);

    /// <summary>
    /// The next <paramref name="count"/> cases still awaiting their final response after <paramref name="after"/> in
    /// identifier order, with what their deadlines are computed from. Read a page at a time so that the scan holds a
    /// page in memory, not every open case; the partial index <c>ix_cases_awaiting_response</c> holds only these
    /// cases, so a page costs the same however many closed cases the table has.
    /// </summary>
    public Task<List<ComplaintCase>> AwaitingResponseAsync(Guid after, int count, CancellationToken ct) => db.Cases.AsNoTracking()
        .Where(c => c.Stage != CaseStage.Closed && c.Stage != CaseStage.FinalResponseSent && c.Stage != CaseStage.ReferredToOmbudsman)
        .Where(c => c.Id.CompareTo(after) > 0)
        .OrderBy(c => c.Id)
        .Take(count)
        .Include(c => c.Agreements).Include(c => c.Pauses).Include(c => c.Contacts)
        .AsSplitQuery()
        .ToListAsync(ct);

    /// <summary>Open cases with an agreed update frequency, tracked so that an update written on schedule is saved on them.</summary>
    public Task<List<ComplaintCase>> PromisedUpdatesAsync(CancellationToken ct) => db.Cases
        .Where(c => c.UpdateEveryWorkingDays != null && c.Stage != CaseStage.Closed && c.Stage != CaseStage.FinalResponseSent && c.Stage != CaseStage.ReferredToOmbudsman)
        .Include(c => c.Agreements).Include(c => c.Pauses).Include(c => c.Contacts)
        .AsSplitQuery()
        .ToListAsync(ct);

    /// <summary>The alerts already raised for these cases, as (case, deadline, due on, level).</summary>
    public async Task<HashSet<(Guid CaseId, string Deadline, DateOnly DueOn, string Level)>> RaisedAsync(IReadOnlyCollection<Guid> caseIds, CancellationToken ct)
    {
        var raised = await db.DeadlineAlerts.AsNoTracking()
            .Where(a => caseIds.Contains(a.CaseId))
            .Select(a => new { a.CaseId, a.Deadline, a.DueOn, a.Level })
            .ToListAsync(ct);
        return raised.Select(a => (a.CaseId, a.Deadline, a.DueOn, a.Level)).ToHashSet();
    }

    /// <summary>Records an alert as raised, saved with the rest.</summary>
    public void Raise(DeadlineAlert alert) => db.DeadlineAlerts.Add(alert);

    /// <summary>Saves; false when another replica raised the same alerts at the same moment (they are announced once, by it).</summary>
    public async Task<bool> TrySaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return false;
        }
    }
}
