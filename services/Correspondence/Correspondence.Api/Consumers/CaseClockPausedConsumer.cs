using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.Correspondence.Api.Data;
using IcsComplaints.Correspondence.Api.Features.QueueMessages;
using IcsComplaints.Messaging.Inbox;
using MassTransit;

namespace IcsComplaints.Correspondence.Api.Consumers;

/// <summary>Tells the complainant that work on their complaint is paused.</summary>
public sealed class CaseClockPausedConsumer(InboxServices<CorrespondenceDbContext> inbox, QueueMessagesHandler queue)
    : IdempotentConsumer<CaseClockPaused, CorrespondenceDbContext>(inbox)
{
    /// <inheritdoc />
    protected override Task HandleAsync(ConsumeContext<CaseClockPaused> context)
    {
        var paused = context.Message;
        return queue.ClockPausedAsync(
            new CaseEvent(context.MessageId!.Value, paused.CaseId, paused.ComplaintId, paused.OrganisationCode), paused.Reason, paused.From, context.CancellationToken);
    }
}
