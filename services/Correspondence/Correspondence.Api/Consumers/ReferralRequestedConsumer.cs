using IcsComplaints.AdvocacyReferral.Contracts.Events;
using IcsComplaints.Correspondence.Api.Data;
using IcsComplaints.Correspondence.Api.Features.QueueMessages;
using IcsComplaints.Messaging.Inbox;
using MassTransit;

namespace IcsComplaints.Correspondence.Api.Consumers;

/// <summary>Tells an advocacy service of a complaint referred to it.</summary>
public sealed class ReferralRequestedConsumer(InboxServices<CorrespondenceDbContext> inbox, QueueReviewerNoticesHandler queue)
    : IdempotentConsumer<ReferralRequested, CorrespondenceDbContext>(inbox)
{
    /// <inheritdoc />
    protected override Task HandleAsync(ConsumeContext<ReferralRequested> context)
    {
        var referral = context.Message;
        return queue.ReferralRequestedAsync(
            context.MessageId!.Value, referral.CaseId, referral.OrganisationCode, referral.AdvocacyServiceCode, referral.RequestedOn,
            referral.RequestedBy, context.CancellationToken);
    }
}
