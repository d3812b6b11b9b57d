using IcsComplaints.AdvocacyReferral.Contracts.Events;
using IcsComplaints.Correspondence.Api.Data;
using IcsComplaints.Correspondence.Api.Features.RecordConsent;
using IcsComplaints.Messaging.Inbox;
using MassTransit;

namespace IcsComplaints.Correspondence.Api.Consumers;

/// <summary>Records a complainant's consent for an advocacy service, with its scope.</summary>
public sealed class ConsentGrantedConsumer(InboxServices<CorrespondenceDbContext> inbox, RecordConsentHandler record)
    : IdempotentConsumer<ConsentGranted, CorrespondenceDbContext>(inbox)
{
    /// <inheritdoc />
    protected override Task HandleAsync(ConsumeContext<ConsentGranted> context)
    {
        var granted = context.Message;
        return record.GrantedAsync(
            granted.GrantId, granted.CaseId, granted.AdvocacyServiceCode, granted.ViewCase, granted.ReviewDrafts, granted.GrantedOn, context.CancellationToken);
    }
}
