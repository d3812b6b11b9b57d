using IcsComplaints.AdvocacyReferral.Api.Data;
using IcsComplaints.AdvocacyReferral.Api.Features.OpenReview;
using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.Messaging.Inbox;
using MassTransit;

namespace IcsComplaints.AdvocacyReferral.Api.Consumers;

/// <summary>Opens the reviews a shared draft calls for; a redelivered or repeated announcement opens nothing new.</summary>
public sealed class DraftSharedConsumer(InboxServices<AdvocacyDbContext> inbox, OpenReviewHandler openReview) : IdempotentConsumer<DraftShared, AdvocacyDbContext>(inbox)
{
    /// <inheritdoc />
    protected override Task HandleAsync(ConsumeContext<DraftShared> context)
    {
        var shared = context.Message;
        return openReview.HandleAsync(
            new SharedDraft(shared.CaseId, shared.Version, shared.AdvocacyServiceCodes, shared.SharedOn, shared.WindowEndsOn), context.CancellationToken);
    }
}
