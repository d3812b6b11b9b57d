using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.Learning.Api.Data;
using IcsComplaints.Learning.Domain.Cases;
using IcsComplaints.Messaging.Inbox;
using MassTransit;

namespace IcsComplaints.Learning.Api.Consumers;

/// <summary>Records each case as it opens.</summary>
public sealed class CaseOpenedConsumer(InboxServices<LearningDbContext> inbox) : IdempotentConsumer<CaseOpened, LearningDbContext>(inbox)
{
    /// <inheritdoc />
    protected override async Task HandleAsync(ConsumeContext<CaseOpened> context)
    {
        var opened = context.Message;
        var cases = new LearningCaseStore(Db);
        if (!await cases.ExistsAsync(opened.CaseId, context.CancellationToken))
        {
            cases.Add(LearningCase.Opened(opened.CaseId, opened.ComplaintId, opened.Reference, opened.OrganisationCode, opened.ReceivedOn));
        }
    }
}
