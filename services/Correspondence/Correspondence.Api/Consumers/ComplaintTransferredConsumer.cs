using IcsComplaints.Correspondence.Api.Data;
using IcsComplaints.Correspondence.Api.Features.QueueMessages;
using IcsComplaints.Intake.Contracts.Events;
using IcsComplaints.Messaging.Inbox;
using MassTransit;

namespace IcsComplaints.Correspondence.Api.Consumers;

/// <summary>Tells the complainant that their complaint went to the organisation that should handle it (Reg 6(6), 7(5)).</summary>
public sealed class ComplaintTransferredConsumer(InboxServices<CorrespondenceDbContext> inbox, QueueComplaintMessagesHandler queue)
    : IdempotentConsumer<ComplaintTransferred, CorrespondenceDbContext>(inbox)
{
    /// <inheritdoc />
    protected override Task HandleAsync(ConsumeContext<ComplaintTransferred> context)
    {
        var transferred = context.Message;
        return queue.TransferredAsync(
            new ComplaintTransfer(
                context.MessageId!.Value, transferred.ComplaintId, transferred.Reference, transferred.FromOrganisationCode,
                transferred.ToOrganisationCode, transferred.ReceivedOn, transferred.TransferredOn),
            context.CancellationToken);
    }
}
