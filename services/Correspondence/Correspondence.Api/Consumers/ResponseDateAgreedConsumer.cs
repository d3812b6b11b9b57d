using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.Correspondence.Api.Data;
using IcsComplaints.Correspondence.Api.Features.QueueMessages;
using IcsComplaints.Messaging.Inbox;
using MassTransit;

namespace IcsComplaints.Correspondence.Api.Consumers;

/// <summary>Tells the complainant of a changed response date.</summary>
public sealed class ResponseDateAgreedConsumer(InboxServices<CorrespondenceDbContext> inbox, QueueMessagesHandler queue)
    : IdempotentConsumer<ResponseDateAgreed, CorrespondenceDbContext>(inbox)
{
    /// <inheritdoc />
    protected override Task HandleAsync(ConsumeContext<ResponseDateAgreed> context)
    {
        var agreed = context.Message;
        return queue.ResponseDateAgreedAsync(
            new CaseEvent(context.MessageId!.Value, agreed.CaseId, agreed.ComplaintId, agreed.OrganisationCode),
            agreed.AgreedOn, agreed.DueBy, agreed.Renegotiation, agreed.WithComplainant, context.CancellationToken);
    }
}
