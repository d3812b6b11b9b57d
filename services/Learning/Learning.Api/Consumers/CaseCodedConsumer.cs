using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.Learning.Api.Data;
using IcsComplaints.Messaging.Inbox;
using MassTransit;

namespace IcsComplaints.Learning.Api.Consumers;

/// <summary>Keeps the case's KO41 subject areas, which suggest HCAT categories to the coder.</summary>
public sealed class CaseCodedConsumer(InboxServices<LearningDbContext> inbox) : IdempotentConsumer<CaseCoded, LearningDbContext>(inbox)
{
    /// <inheritdoc />
    protected override async Task HandleAsync(ConsumeContext<CaseCoded> context)
    {
        var coded = context.Message;
        var known = await new LearningCaseStore(Db).FindAsync(coded.CaseId, context.CancellationToken);
        if (known is null)
        {
            // Coding follows opening in the case service; if it overtakes it here, redelivery brings it back.
            throw new InvalidOperationException("The case is not known yet.");
        }
        known.Coded(coded.Subjects);
    }
}
