using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.Correspondence.Api.Data;
using IcsComplaints.Correspondence.Api.Features.QueueMessages;
using IcsComplaints.Messaging.Inbox;
using MassTransit;

namespace IcsComplaints.Correspondence.Api.Consumers;

/// <summary>Writes to the complainant the update they were promised at the agreed frequency.</summary>
public sealed class ScheduledUpdateDueConsumer(InboxServices<CorrespondenceDbContext> inbox, QueueMessagesHandler queue)
    : IdempotentConsumer<ScheduledUpdateDue, CorrespondenceDbContext>(inbox)
{
    /// <inheritdoc />
    protected override Task HandleAsync(ConsumeContext<ScheduledUpdateDue> context)
    {
        var due = context.Message;
        return queue.ScheduledUpdateAsync(
            new CaseEvent(context.MessageId!.Value, due.CaseId, due.ComplaintId, due.OrganisationCode), due.On, due.Stage, due.Paused, due.ResponseDueBy,
            due.NextUpdateBy, context.CancellationToken);
    }
}
