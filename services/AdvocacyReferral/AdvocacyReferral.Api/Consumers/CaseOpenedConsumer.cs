using IcsComplaints.AdvocacyReferral.Api.Data;
using IcsComplaints.AdvocacyReferral.Api.Features.RecordCase;
using IcsComplaints.AdvocacyReferral.Domain.Cases;
using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.Messaging.Inbox;
using MassTransit;

namespace IcsComplaints.AdvocacyReferral.Api.Consumers;

/// <summary>Records each case as it opens.</summary>
public sealed class CaseOpenedConsumer(InboxServices<AdvocacyDbContext> inbox, RecordCaseHandler recordCase) : IdempotentConsumer<CaseOpened, AdvocacyDbContext>(inbox)
{
    /// <inheritdoc />
    protected override Task HandleAsync(ConsumeContext<CaseOpened> context)
    {
        var opened = context.Message;
        return recordCase.HandleAsync(
            CaseReference.Opened(opened.CaseId, opened.ComplaintId, opened.Reference, opened.OrganisationCode, opened.ComplainantSubjectId, opened.ReceivedOn),
            context.CancellationToken);
    }
}
