using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.Correspondence.Api.Data;
using IcsComplaints.Correspondence.Api.Features.QueueMessages;
using IcsComplaints.Messaging.Inbox;
using MassTransit;

namespace IcsComplaints.Correspondence.Api.Consumers;

/// <summary>Invites the complainant to the experience survey when their case is closed.</summary>
public sealed class CaseClosedConsumer(InboxServices<CorrespondenceDbContext> inbox, QueueMessagesHandler queue)
    : IdempotentConsumer<CaseStageChanged, CorrespondenceDbContext>(inbox)
{
    /// <inheritdoc />
    protected override Task HandleAsync(ConsumeContext<CaseStageChanged> context)
    {
        var changed = context.Message;
        return changed.To != "Closed"
            ? Task.CompletedTask
            : queue.SurveyInvitationAsync(
                new CaseEvent(context.MessageId!.Value, changed.CaseId, changed.ComplaintId, changed.OrganisationCode), changed.On, context.CancellationToken);
    }
}
