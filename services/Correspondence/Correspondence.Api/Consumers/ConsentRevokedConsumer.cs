using IcsComplaints.AdvocacyReferral.Contracts.Events;
using IcsComplaints.Correspondence.Api.Data;
using IcsComplaints.Correspondence.Api.Features.RecordConsent;
using IcsComplaints.Messaging.Inbox;
using MassTransit;

namespace IcsComplaints.Correspondence.Api.Consumers;

/// <summary>Records the end of a complainant's consent for an advocacy service.</summary>
public sealed class ConsentRevokedConsumer(InboxServices<CorrespondenceDbContext> inbox, RecordConsentHandler record)
    : IdempotentConsumer<ConsentRevoked, CorrespondenceDbContext>(inbox)
{
    /// <inheritdoc />
    protected override Task HandleAsync(ConsumeContext<ConsentRevoked> context)
    {
        var ended = context.Message;
        return record.EndedAsync(ended.GrantId, ended.CaseId, ended.AdvocacyServiceCode, ended.EndedOn, ended.Reason, context.CancellationToken);
    }
}
