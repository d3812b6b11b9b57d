using IcsComplaints.Case.Api.Data;
using IcsComplaints.Case.Api.Features.OpenCase;
using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Intake.Contracts.Events;
using IcsComplaints.Messaging.Inbox;
using IcsComplaints.Nhs.Rules;
using MassTransit;

namespace IcsComplaints.Case.Api.Consumers;

/// <summary>
/// Opens a case at the organisation handling the complaint, with its acknowledgement due by
/// <see cref="AcknowledgementDeadline"/>, on hold while intake waits for a decision the Regulations require. An
/// imported complaint that was already closed opens closed. Announces <see cref="CaseOpened"/>.
/// </summary>
public sealed class ComplaintSubmittedConsumer(InboxServices<CaseDbContext> inbox, CaseLifecycle lifecycle)
    : IdempotentConsumer<ComplaintSubmitted, CaseDbContext>(inbox)
{
    /// <inheritdoc />
    protected override async Task HandleAsync(ConsumeContext<ComplaintSubmitted> context)
    {
        var complaint = context.Message;
        // The inbox drops a redelivered message; this guards against the same complaint announced twice, and
        // against a transfer that overtook the submission.
        if (await new CaseStore(Db).AnyForComplaintAsync(complaint.ComplaintId, context.CancellationToken))
        {
            return;
        }
        var opened = lifecycle.Open(new CaseStore(Db), Outbox, new CaseOpening(
            complaint.ComplaintId,
            complaint.Reference,
            complaint.HandlingOrganisationCode ?? complaint.OrganisationCode,
            complaint.ReceivedOn,
            complaint.ComplainantSubjectId,
            AwaitingTimeLimitDecision: complaint.OutOfTime,
            AwaitingBestInterestsDecision: complaint.AwaitingBestInterestsDecision,
            AwaitingRouting: CaseLifecycle.AwaitsRouting(complaint.Route))
        {
            Contributors = CaseLifecycle.ContributorsFor(complaint.HandlingOrganisationCode ?? complaint.OrganisationCode, complaint.Parties, complaint.LeadOrganisationCode),
        });
        if (complaint.ClosedOn is { } closedOn)
        {
            CaseLifecycle.Close(Outbox, opened, CaseClosure.Resolved, closedOn, Enum.TryParse<CaseOutcome>(complaint.Outcome, out var outcome) ? outcome : null);
        }
    }
}
