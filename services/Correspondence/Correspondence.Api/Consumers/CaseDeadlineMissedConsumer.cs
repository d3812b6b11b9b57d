using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.Correspondence.Api.Data;
using IcsComplaints.Correspondence.Api.Features.QueueMessages;
using IcsComplaints.Messaging.Inbox;
using MassTransit;

namespace IcsComplaints.Correspondence.Api.Consumers;

/// <summary>Tells the complaints team of a deadline that was missed.</summary>
public sealed class CaseDeadlineMissedConsumer(InboxServices<CorrespondenceDbContext> inbox, QueueMessagesHandler queue)
    : IdempotentConsumer<CaseDeadlineMissed, CorrespondenceDbContext>(inbox)
{
    /// <inheritdoc />
    protected override Task HandleAsync(ConsumeContext<CaseDeadlineMissed> context)
    {
        var missed = context.Message;
        return queue.DeadlineMissedAsync(
            new CaseEvent(context.MessageId!.Value, missed.CaseId, missed.ComplaintId, missed.OrganisationCode),
            missed.Deadline, missed.DueOn, missed.DetectedOn, context.CancellationToken);
    }
}
