using IcsComplaints.Learning.Domain.Actions;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.Learning.Api.Data;

/// <summary>Loads and saves learning actions over the request's one <see cref="LearningDbContext"/>.</summary>
public sealed class ActionStore(LearningDbContext db)
{
    /// <summary>The action to change; <c>null</c> when there is none.</summary>
    public Task<LearningAction?> FindAsync(Guid id, CancellationToken ct) => db.Actions.FirstOrDefaultAsync(a => a.Id == id, ct);

    /// <summary>Open or proposed actions past their due date not yet reported overdue, to mark as reported.</summary>
    public Task<List<LearningAction>> OverdueUnreportedAsync(DateOnly today, int max, CancellationToken ct) =>
        db.Actions.Where(a => (a.Status == ActionStatus.Open || a.Status == ActionStatus.Proposed) && a.DueOn < today && a.OverdueReportedOn == null)
            .Take(max).ToListAsync(ct);

    /// <summary>The places, in the case's final response, of the changes already proposed as actions.</summary>
    public async Task<HashSet<int>> ProposedChangesOfAsync(Guid caseId, CancellationToken ct) =>
        [.. await db.Actions.Where(a => a.CaseId == caseId && a.ChangeIndex != null).Select(a => a.ChangeIndex!.Value).ToListAsync(ct)];

    /// <summary>Adds an action just raised, saved with the rest.</summary>
    public void Add(LearningAction action) => db.Actions.Add(action);

    /// <summary>Saves every change, with the outbox messages and audit records written alongside.</summary>
    public Task SaveAsync(CancellationToken ct) => db.SaveChangesAsync(ct);
}
