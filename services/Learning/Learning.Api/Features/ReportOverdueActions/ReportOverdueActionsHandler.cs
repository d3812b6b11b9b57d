using IcsComplaints.Calendar;
using IcsComplaints.Learning.Api.Data;
using IcsComplaints.Learning.Contracts.Events;
using IcsComplaints.Messaging.Outbox;

namespace IcsComplaints.Learning.Api.Features.ReportOverdueActions;

/// <summary>Reports each open action past its due date, once.</summary>
public sealed class ReportOverdueActionsHandler(ActionStore actions, IOutbox outbox, TimeProvider time)
{
    private DateOnly Today => LondonTime.Today(time);

    /// <summary>Reports each open action past its due date, once.</summary>
    public async Task<int> HandleAsync(CancellationToken ct)
    {
        var today = Today;
        var overdue = await actions.OverdueUnreportedAsync(today, 1_000, ct);
        foreach (var action in overdue)
        {
            action.ReportOverdue(today);
            outbox.Publish(new LearningActionOverdue { ActionId = action.Id, OrganisationCode = action.OrganisationCode, DueOn = action.DueOn, DetectedOn = today });
        }
        await actions.SaveAsync(ct);
        return overdue.Count;
    }
}
