using IcsComplaints.Correspondence.Api.Data;
using IcsComplaints.Correspondence.Api.Features.QueueMessages;
using IcsComplaints.Intake.Contracts.Events;
using IcsComplaints.Messaging.Inbox;
using MassTransit;

namespace IcsComplaints.Correspondence.Api.Consumers;

/// <summary>
/// Records each complaint intake receives, and sends what its arrival owes before any case: the written record of an
/// oral complaint (Reg 13(2)), and the request for consent to share with the ICB's notice (Reg 7(3)).
/// </summary>
public sealed class ComplaintSubmittedConsumer(InboxServices<CorrespondenceDbContext> inbox, QueueComplaintMessagesHandler queue)
    : IdempotentConsumer<ComplaintSubmitted, CorrespondenceDbContext>(inbox)
{
    /// <inheritdoc />
    protected override Task HandleAsync(ConsumeContext<ComplaintSubmitted> context)
    {
        var submitted = context.Message;
        return queue.ArrivedAsync(
            new ComplaintArrival(
                context.MessageId!.Value, submitted.ComplaintId, submitted.Reference, submitted.OrganisationCode,
                submitted.HandlingOrganisationCode ?? submitted.OrganisationCode, submitted.AboutOrganisationCodes,
                submitted.Channel.ToString(), submitted.Route.ToString(), submitted.Imported, submitted.ReceivedOn),
            context.CancellationToken);
    }
}
