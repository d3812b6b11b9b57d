using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.Correspondence.Api.Data;
using IcsComplaints.Correspondence.Api.Features.QueueMessages;
using IcsComplaints.Messaging.Inbox;
using MassTransit;

namespace IcsComplaints.Correspondence.Api.Consumers;

/// <summary>Sends the complainant the acknowledgement of their complaint.</summary>
public sealed class CaseAcknowledgedConsumer(InboxServices<CorrespondenceDbContext> inbox, QueueMessagesHandler queue)
    : IdempotentConsumer<CaseAcknowledged, CorrespondenceDbContext>(inbox)
{
    /// <inheritdoc />
    protected override Task HandleAsync(ConsumeContext<CaseAcknowledged> context)
    {
        var acknowledged = context.Message;
        return queue.AcknowledgementAsync(
            new CaseEvent(context.MessageId!.Value, acknowledged.CaseId, acknowledged.ComplaintId, acknowledged.OrganisationCode),
            acknowledged.AcknowledgedOn, acknowledged.ResponseDueBy, acknowledged.UpdateEveryWorkingDays, context.CancellationToken);
    }
}
