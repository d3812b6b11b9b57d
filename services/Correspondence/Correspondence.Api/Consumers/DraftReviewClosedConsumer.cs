using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.Correspondence.Api.Data;
using IcsComplaints.Correspondence.Api.Features.QueueMessages;
using IcsComplaints.Messaging.Inbox;
using MassTransit;

namespace IcsComplaints.Correspondence.Api.Consumers;

/// <summary>Withdraws the last-day reminder of a review that closed before its last day.</summary>
public sealed class DraftReviewClosedConsumer(InboxServices<CorrespondenceDbContext> inbox, QueueReviewerNoticesHandler queue)
    : IdempotentConsumer<DraftReviewClosed, CorrespondenceDbContext>(inbox)
{
    /// <inheritdoc />
    protected override Task HandleAsync(ConsumeContext<DraftReviewClosed> context)
    {
        var closed = context.Message;
        return queue.DraftReviewClosedAsync(closed.CaseId, closed.Version, closed.ReviewerCode, closed.Outcome, closed.ClosedOn, context.CancellationToken);
    }
}
