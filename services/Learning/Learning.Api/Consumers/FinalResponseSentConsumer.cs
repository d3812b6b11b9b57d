using IcsComplaints.Calendar;
using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.Learning.Api.Data;
using IcsComplaints.Learning.Api.Features.ProposeActions;
using IcsComplaints.Learning.Contracts.Events;
using IcsComplaints.Learning.Domain.Actions;
using IcsComplaints.Learning.Domain.Rules;
using IcsComplaints.Messaging.Inbox;
using MassTransit;

namespace IcsComplaints.Learning.Api.Consumers;

/// <summary>
/// Notes on the case that its signed letter was sent, for the quality lead's sample (ADR 62), and proposes, as learning
/// actions of the case's organisation, the changes a sent final response committed to (ADR 44): one per change, due on
/// the response's date, owned by nobody until someone takes it on. The wording is read from case, never carried by the
/// event; if case cannot be reached the message fails and is tried again.
/// </summary>
public sealed class FinalResponseSentConsumer(InboxServices<LearningDbContext> inbox, ICommittedChanges changes, TimeProvider time)
    : IdempotentConsumer<FinalResponseSent, LearningDbContext>(inbox)
{
    /// <inheritdoc />
    protected override async Task HandleAsync(ConsumeContext<FinalResponseSent> context)
    {
        var sent = context.Message;
        var ct = context.CancellationToken;
        // A signed letter of findings, not the confirmation of an early resolution, is what a quality lead samples.
        if (!sent.ConfirmsEarlyResolution && await new LearningCaseStore(Db).FindAsync(sent.CaseId, ct) is { } known)
        {
            known.FinalResponseSent(sent.SentOn);
        }
        if (!ActionProposal.Expected(sent.Changes, sent.ConfirmsEarlyResolution))
        {
            return;
        }
        var committed = await changes.OfAsync(sent.CaseId, ct);
        if (committed is null)
        {
            // The case is gone, or its response was not sent after all: nothing to propose.
            return;
        }
        var actions = new ActionStore(Db);
        var proposed = await actions.ProposedChangesOfAsync(sent.CaseId, ct);
        var today = LondonTime.Today(time);
        foreach (var change in ActionProposal.New(committed, proposed, c => c.Index))
        {
            var action = LearningAction.Propose(sent.OrganisationCode, sent.CaseId, change.Index, change.Action, change.By, today);
            actions.Add(action);
            Outbox.Publish(new LearningActionRaised
            {
                ActionId = action.Id, OrganisationCode = action.OrganisationCode, CaseId = action.CaseId, ThemeId = null, RaisedOn = today, DueOn = action.DueOn,
            });
        }
    }
}
