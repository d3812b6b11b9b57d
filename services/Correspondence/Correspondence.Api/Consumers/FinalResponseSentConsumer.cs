using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.Correspondence.Api.Data;
using IcsComplaints.Correspondence.Api.Features.QueueMessages;
using IcsComplaints.Messaging.Inbox;
using MassTransit;

namespace IcsComplaints.Correspondence.Api.Consumers;

/// <summary>Tells the advocacy services whose client's consent covers the case that the final response was sent.</summary>
public sealed class FinalResponseSentConsumer(InboxServices<CorrespondenceDbContext> inbox, QueueReviewerNoticesHandler queue)
    : IdempotentConsumer<FinalResponseSent, CorrespondenceDbContext>(inbox)
{
    /// <inheritdoc />
    protected override Task HandleAsync(ConsumeContext<FinalResponseSent> context)
    {
        var sent = context.Message;
        return queue.FinalResponseSentAsync(
            new CaseEvent(context.MessageId!.Value, sent.CaseId, sent.ComplaintId, sent.OrganisationCode), sent.SentOn, context.CancellationToken);
    }
}
