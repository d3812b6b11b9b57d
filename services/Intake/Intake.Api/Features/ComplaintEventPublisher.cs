using IcsComplaints.Intake.Api.Data;
using IcsComplaints.Intake.Domain.Complaints;
using IcsComplaints.Messaging.Outbox;
using Events = IcsComplaints.Intake.Contracts.Events;

namespace IcsComplaints.Intake.Api.Features;

/// <summary>
/// Turns what a complaint announced into the events other services read (identifiers, codes and dates only), put in
/// the outbox of the same transaction, and into the letters owed, kept with the complaint. The contract's enumerations
/// have the domain's names and numbers, so each converts by value.
/// </summary>
public sealed class ComplaintEventPublisher(IOutbox outbox, ComplaintStore store, TimeProvider time)
{
    /// <summary>Publishes, in order, what <paramref name="complaint"/> announced since it was loaded.</summary>
    public void Publish(Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        foreach (var change in complaint.TakeEvents())
        {
            switch (change)
            {
                case ComplaintEvent.Received received:
                    outbox.Publish(Submitted(complaint, received));
                    break;
                case ComplaintEvent.ConsentRecorded consent:
                    outbox.Publish(new Events.ConsentRecorded { ComplaintId = complaint.Id, Given = consent.Given, RecordedOn = consent.RecordedOn });
                    break;
                case ComplaintEvent.Routed routed:
                    outbox.Publish(new Events.ComplaintRouted
                    {
                        ComplaintId = complaint.Id,
                        Route = (Events.ComplaintRoute)routed.Route,
                        HandlingOrganisationCode = routed.HandlingOrganisationCode,
                        Parties = routed.Parties,
                        LeadOrganisationCode = routed.LeadOrganisationCode,
                        RoutedOn = routed.RoutedOn,
                    });
                    break;
                case ComplaintEvent.Transferred transferred:
                    outbox.Publish(new Events.ComplaintTransferred
                    {
                        ComplaintId = complaint.Id,
                        Reference = complaint.Reference,
                        FromOrganisationCode = transferred.FromOrganisationCode,
                        ToOrganisationCode = transferred.ToOrganisationCode,
                        ReceivedOn = complaint.ReceivedOn,
                        TransferredOn = transferred.TransferredOn,
                        OutOfTime = transferred.AwaitingTimeLimitDecision,
                        ComplainantSubjectId = complaint.ComplainantSubjectId,
                    });
                    break;
                case ComplaintEvent.LetterOwed letter:
                    store.Add(new ComplaintNotification(complaint.Id, letter.Recipient, letter.Reason, time.GetUtcNow()));
                    break;
                case ComplaintEvent.Linked linked:
                    outbox.Publish(new Events.ComplaintsLinked { ComplaintId = complaint.Id, LinkedComplaintId = linked.LinkedComplaintId, LinkedOn = linked.LinkedOn });
                    break;
                case ComplaintEvent.TimeLimitDecided decided:
                    outbox.Publish(new Events.TimeLimitDecided { ComplaintId = complaint.Id, Decision = (Events.TimeLimitDecision)decided.Decision, DecidedOn = decided.DecidedOn });
                    break;
                case ComplaintEvent.BestInterestsDecided decided:
                    outbox.Publish(new Events.BestInterestsDecided { ComplaintId = complaint.Id, InBestInterests = decided.InBestInterests, DecidedOn = decided.DecidedOn });
                    break;
                case ComplaintEvent.Excluded excluded:
                    outbox.Publish(new Events.ComplaintExcluded { ComplaintId = complaint.Id, Ground = (Events.ExclusionGround)excluded.Ground, ExcludedOn = excluded.ExcludedOn });
                    break;
                case ComplaintEvent.Withdrawn withdrawn:
                    outbox.Publish(new Events.ComplaintWithdrawn { ComplaintId = complaint.Id, WithdrawnOn = withdrawn.WithdrawnOn });
                    break;
                default:
                    throw new InvalidOperationException($"No event is published for {change.GetType().Name}.");
            }
        }
    }

    private static Events.ComplaintSubmitted Submitted(Complaint complaint, ComplaintEvent.Received received) => new()
    {
        ComplaintId = complaint.Id,
        Reference = complaint.Reference,
        OrganisationCode = complaint.OrganisationCode,
        HandlingOrganisationCode = complaint.HandlingOrganisationCode,
        AboutOrganisationCodes = complaint.AboutOrganisationCodes,
        Route = (Events.ComplaintRoute)complaint.Route,
        Parties = complaint.Parties,
        LeadOrganisationCode = complaint.LeadOrganisationCode,
        ReceivedOn = complaint.ReceivedOn,
        Channel = (Events.ComplaintChannel)complaint.Channel,
        SubmittedAt = complaint.SubmittedAt,
        ComplainantSubjectId = complaint.ComplainantSubjectId,
        ComplainantType = (Events.ComplainantType)complaint.ComplainantType,
        OutOfTime = complaint.OutOfTime,
        AwaitingBestInterestsDecision = complaint.BestInterestsDecisionRequired,
        Imported = complaint.ImportSource is not null,
        ClosedOn = received.ClosedOn,
        Outcome = received.Outcome,
    };
}
