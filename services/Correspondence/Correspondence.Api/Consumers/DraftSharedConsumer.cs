using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.Correspondence.Api.Data;
using IcsComplaints.Correspondence.Api.Features.QueueMessages;
using IcsComplaints.Messaging.Inbox;
using MassTransit;

namespace IcsComplaints.Correspondence.Api.Consumers;

/// <summary>Asks the advocacy services and contributing organisations a draft final response was shared with to review it.</summary>
public sealed class DraftSharedConsumer(InboxServices<CorrespondenceDbContext> inbox, QueueReviewerNoticesHandler queue)
    : IdempotentConsumer<DraftShared, CorrespondenceDbContext>(inbox)
{
    /// <inheritdoc />
    protected override Task HandleAsync(ConsumeContext<DraftShared> context)
    {
        var shared = context.Message;
        return queue.DraftSharedAsync(
            new CaseEvent(context.MessageId!.Value, shared.CaseId, shared.ComplaintId, shared.OrganisationCode),
            shared.Version, shared.AdvocacyServiceCodes, shared.ContributorCodes, shared.SharedOn, shared.WindowEndsOn, context.CancellationToken);
    }
}
