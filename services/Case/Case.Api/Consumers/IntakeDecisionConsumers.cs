using IcsComplaints.Case.Api.Data;
using IcsComplaints.Case.Api.Features.OpenCase;
using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Intake.Contracts.Events;
using IcsComplaints.Messaging.Inbox;
using MassTransit;

namespace IcsComplaints.Case.Api.Consumers;

/// <summary>
/// A decision at intake arrived before the case it is about: the message is retried until the case exists, so
/// decisions apply in the order they were taken whatever order the queues deliver them in.
/// </summary>
public sealed class CaseNotYetOpenedException(Guid complaintId)
    : Exception($"No case is open yet for complaint {complaintId}; the message will be retried.");

/// <summary>Base for the consumers that apply an intake decision to the open case of a complaint.</summary>
public abstract class IntakeDecisionConsumer<TMessage>(InboxServices<CaseDbContext> inbox) : IdempotentConsumer<TMessage, CaseDbContext>(inbox)
    where TMessage : class
{
    /// <summary>
    /// The complaint's open case, or <c>null</c> when its cases are all closed (the decision then changes nothing);
    /// throws <see cref="CaseNotYetOpenedException"/> when it has no case yet.
    /// </summary>
    protected async Task<ComplaintCase?> OpenCaseAsync(Guid complaintId, CancellationToken ct)
    {
        var cases = await new CaseStore(Db).ForComplaintAsync(complaintId, ct);
        return cases.Count == 0
            ? throw new CaseNotYetOpenedException(complaintId)
            : cases.FirstOrDefault(c => c.Stage != CaseStage.Closed);
    }
}

/// <summary>A transfer (Reg 6(5)–(6), 7(5)) closes the case at the old organisation and opens one at the new, received on the original date.</summary>
public sealed class ComplaintTransferredConsumer(InboxServices<CaseDbContext> inbox, CaseLifecycle lifecycle) : IntakeDecisionConsumer<ComplaintTransferred>(inbox)
{
    /// <inheritdoc />
    protected override async Task HandleAsync(ConsumeContext<ComplaintTransferred> context)
    {
        var transfer = context.Message;
        var current = await OpenCaseAsync(transfer.ComplaintId, context.CancellationToken);
        if (current is not null && current.OrganisationCode == transfer.ToOrganisationCode)
        {
            return;
        }
        if (current is not null)
        {
            CaseLifecycle.Close(Outbox, current, CaseClosure.Transferred, transfer.TransferredOn);
        }
        lifecycle.Open(new CaseStore(Db), Outbox, new CaseOpening(
            transfer.ComplaintId, transfer.Reference, transfer.ToOrganisationCode, transfer.ReceivedOn, transfer.ComplainantSubjectId,
            TransferredFromOrganisationCode: transfer.FromOrganisationCode, AwaitingTimeLimitDecision: transfer.OutOfTime));
    }
}

/// <summary>Routing at an ICB lifts or keeps the routing hold; the parties of a complaint about several organisations become contributors to the lead's case.</summary>
public sealed class ComplaintRoutedConsumer(InboxServices<CaseDbContext> inbox) : IntakeDecisionConsumer<ComplaintRouted>(inbox)
{
    /// <inheritdoc />
    protected override async Task HandleAsync(ConsumeContext<ComplaintRouted> context)
    {
        if (await OpenCaseAsync(context.Message.ComplaintId, context.CancellationToken) is not { } @case)
        {
            return;
        }
        @case.Routed(CaseLifecycle.AwaitsRouting(context.Message.Route));
        // Reg 9: the lead organisation's case collects the other parties' sections.
        @case.SetContributors(CaseLifecycle.ContributorsFor(@case.OrganisationCode, context.Message.Parties, context.Message.LeadOrganisationCode));
    }
}

/// <summary>Reg 12(4): considered, the hold lifts; declined, the case closes.</summary>
public sealed class TimeLimitDecidedConsumer(InboxServices<CaseDbContext> inbox) : IntakeDecisionConsumer<TimeLimitDecided>(inbox)
{
    /// <inheritdoc />
    protected override async Task HandleAsync(ConsumeContext<TimeLimitDecided> context)
    {
        if (await OpenCaseAsync(context.Message.ComplaintId, context.CancellationToken) is not { } @case)
        {
            return;
        }
        if (context.Message.Decision == TimeLimitDecision.Considered)
        {
            @case.TimeLimitConsidered();
        }
        else
        {
            CaseLifecycle.Close(Outbox, @case, CaseClosure.DeclinedOutOfTime, context.Message.DecidedOn);
        }
    }
}

/// <summary>Reg 5(4): in the person's best interests, the hold lifts; otherwise the case closes.</summary>
public sealed class BestInterestsDecidedConsumer(InboxServices<CaseDbContext> inbox) : IntakeDecisionConsumer<BestInterestsDecided>(inbox)
{
    /// <inheritdoc />
    protected override async Task HandleAsync(ConsumeContext<BestInterestsDecided> context)
    {
        if (await OpenCaseAsync(context.Message.ComplaintId, context.CancellationToken) is not { } @case)
        {
            return;
        }
        if (context.Message.InBestInterests)
        {
            @case.BestInterestsConfirmed();
        }
        else
        {
            CaseLifecycle.Close(Outbox, @case, CaseClosure.NotConsidered, context.Message.DecidedOn);
        }
    }
}

/// <summary>Reg 8: the case closes as excluded, and still counts for learning and reporting.</summary>
public sealed class ComplaintExcludedConsumer(InboxServices<CaseDbContext> inbox) : IntakeDecisionConsumer<ComplaintExcluded>(inbox)
{
    /// <inheritdoc />
    protected override async Task HandleAsync(ConsumeContext<ComplaintExcluded> context)
    {
        if (await OpenCaseAsync(context.Message.ComplaintId, context.CancellationToken) is { } @case)
        {
            CaseLifecycle.Close(Outbox, @case, CaseClosure.Excluded, context.Message.ExcludedOn);
        }
    }
}

/// <summary>The complainant withdrew: the case closes.</summary>
public sealed class ComplaintWithdrawnConsumer(InboxServices<CaseDbContext> inbox) : IntakeDecisionConsumer<ComplaintWithdrawn>(inbox)
{
    /// <inheritdoc />
    protected override async Task HandleAsync(ConsumeContext<ComplaintWithdrawn> context)
    {
        if (await OpenCaseAsync(context.Message.ComplaintId, context.CancellationToken) is { } @case)
        {
            CaseLifecycle.Close(Outbox, @case, CaseClosure.Withdrawn, context.Message.WithdrawnOn);
        }
    }
}

/// <summary>Either/or: the linked complaint's case closes; the other complaint's case carries the matter.</summary>
public sealed class ComplaintsLinkedConsumer(InboxServices<CaseDbContext> inbox) : IntakeDecisionConsumer<ComplaintsLinked>(inbox)
{
    /// <inheritdoc />
    protected override async Task HandleAsync(ConsumeContext<ComplaintsLinked> context)
    {
        if (await OpenCaseAsync(context.Message.ComplaintId, context.CancellationToken) is { } @case)
        {
            CaseLifecycle.Close(Outbox, @case, CaseClosure.Linked, context.Message.LinkedOn);
        }
    }
}
