using IcsComplaints.AdvocacyReferral.Api.Data;
using IcsComplaints.AdvocacyReferral.Api.Features.EndReviews;
using IcsComplaints.AdvocacyReferral.Contracts.Events;
using IcsComplaints.Messaging.Inbox;
using MassTransit;

namespace IcsComplaints.AdvocacyReferral.Api.Consumers;

/// <summary>Consent that ends ends the service's open reviews on the case with it.</summary>
public sealed class ConsentRevokedConsumer(InboxServices<AdvocacyDbContext> inbox, EndReviewsHandler endReviews) : IdempotentConsumer<ConsentRevoked, AdvocacyDbContext>(inbox)
{
    /// <inheritdoc />
    protected override Task HandleAsync(ConsumeContext<ConsentRevoked> context) =>
        endReviews.HandleAsync(context.Message.CaseId, context.Message.AdvocacyServiceCode, context.Message.EndedOn, context.CancellationToken);
}
