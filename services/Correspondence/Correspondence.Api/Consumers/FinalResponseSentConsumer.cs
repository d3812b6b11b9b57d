using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.Correspondence.Api.Data;
using IcsComplaints.Correspondence.Api.Features.QueueMessages;
using IcsComplaints.Messaging.Inbox;
using MassTransit;

namespace IcsComplaints.Correspondence.Api.Consumers;

/// <summary>
/// Sends the complainant the final response, tells the advocacy services whose client's consent covers the case
/// that it was sent, and sends it to the staff complained about: all queued in the one transaction, so a redelivery
/// finds all.
/// </summary>
public sealed class FinalResponseSentConsumer(
    InboxServices<CorrespondenceDbContext> inbox, QueueMessagesHandler complainant, QueueReviewerNoticesHandler reviewers, QueueStaffNoticesHandler staff)
    : IdempotentConsumer<FinalResponseSent, CorrespondenceDbContext>(inbox)
{
    /// <inheritdoc />
    protected override async Task HandleAsync(ConsumeContext<FinalResponseSent> context)
    {
        var sent = context.Message;
        var raised = new CaseEvent(context.MessageId!.Value, sent.CaseId, sent.ComplaintId, sent.OrganisationCode);
        await complainant.FinalResponseAsync(raised, sent.SentOn, sent.ConfirmsEarlyResolution, context.CancellationToken);
        await reviewers.FinalResponseSentAsync(raised, sent.SentOn, context.CancellationToken);
        // An early resolution has no signed letter of findings to show; staff hear of it from the team.
        if (!sent.ConfirmsEarlyResolution)
        {
            await staff.FinalResponseSentAsync(raised, sent.SentOn, context.CancellationToken);
        }
    }
}
