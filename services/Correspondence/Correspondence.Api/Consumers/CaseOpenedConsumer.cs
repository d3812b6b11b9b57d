using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.Correspondence.Api.Data;
using IcsComplaints.Correspondence.Api.Features.RecordCase;
using IcsComplaints.Messaging.Inbox;
using MassTransit;

namespace IcsComplaints.Correspondence.Api.Consumers;

/// <summary>Records each case as it opens.</summary>
public sealed class CaseOpenedConsumer(InboxServices<CorrespondenceDbContext> inbox, RecordCaseHandler record)
    : IdempotentConsumer<CaseOpened, CorrespondenceDbContext>(inbox)
{
    /// <inheritdoc />
    protected override Task HandleAsync(ConsumeContext<CaseOpened> context)
    {
        var opened = context.Message;
        return record.HandleAsync(opened.CaseId, opened.ComplaintId, opened.Reference, opened.OrganisationCode, opened.ReceivedOn, context.CancellationToken);
    }
}
