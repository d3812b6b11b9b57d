using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.Learning.Api.Data;
using IcsComplaints.Messaging.Inbox;
using MassTransit;

namespace IcsComplaints.Learning.Api.Consumers;

/// <summary>Records how a case ended.</summary>
public sealed class CaseClosedConsumer(InboxServices<LearningDbContext> inbox) : IdempotentConsumer<CaseClosed, LearningDbContext>(inbox)
{
    /// <inheritdoc />
    protected override async Task HandleAsync(ConsumeContext<CaseClosed> context)
    {
        var closed = context.Message;
        var known = await new LearningCaseStore(Db).FindAsync(closed.CaseId, context.CancellationToken);
        if (known is not null)
        {
            known.Closed(closed.ClosedOn, closed.Outcome);
        }
    }
}
