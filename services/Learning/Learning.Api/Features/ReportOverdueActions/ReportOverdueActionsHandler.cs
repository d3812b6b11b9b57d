using IcsComplaints.Calendar;
using IcsComplaints.Learning.Api.Data;
using IcsComplaints.Learning.Contracts.Events;
using IcsComplaints.Learning.Domain.Actions;
using IcsComplaints.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.Learning.Api.Features.ReportOverdueActions;

/// <summary>Reports each open action past its due date, once.</summary>
public sealed class ReportOverdueActionsHandler(LearningDbContext db, IOutbox outbox, TimeProvider time)
{
    private DateOnly Today => LondonTime.Today(time);

    /// <summary>Reports each open action past its due date, once.</summary>
    public async Task<int> HandleAsync(CancellationToken ct)
    {
        var today = Today;
        var overdue = await db.Actions.Where(a => a.Status == ActionStatus.Open && a.DueOn < today && a.OverdueReportedOn == null).Take(1_000).ToListAsync(ct);
        foreach (var action in overdue)
        {
            action.OverdueReportedOn = today;
            outbox.Publish(new LearningActionOverdue { ActionId = action.Id, OrganisationCode = action.OrganisationCode, DueOn = action.DueOn, DetectedOn = today });
        }
        await db.SaveChangesAsync(ct);
        return overdue.Count;
    }
}
