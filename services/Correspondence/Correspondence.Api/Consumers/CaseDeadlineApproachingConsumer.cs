using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.Correspondence.Api.Data;
using IcsComplaints.Correspondence.Api.Features.QueueMessages;
using IcsComplaints.Messaging.Inbox;
using MassTransit;

namespace IcsComplaints.Correspondence.Api.Consumers;

/// <summary>Warns the complaints team of a deadline that is near.</summary>
public sealed class CaseDeadlineApproachingConsumer(InboxServices<CorrespondenceDbContext> inbox, QueueMessagesHandler queue)
    : IdempotentConsumer<CaseDeadlineApproaching, CorrespondenceDbContext>(inbox)
{
    /// <inheritdoc />
    protected override Task HandleAsync(ConsumeContext<CaseDeadlineApproaching> context)
    {
        var near = context.Message;
        return queue.DeadlineApproachingAsync(
            new CaseEvent(context.MessageId!.Value, near.CaseId, near.ComplaintId, near.OrganisationCode),
            near.Deadline, near.DueOn, near.WorkingDaysLeft, context.CancellationToken);
    }
}
