using IcsComplaints.Calendar;
using IcsComplaints.Learning.Api.Data;
using IcsComplaints.Learning.Contracts.Events;
using IcsComplaints.Learning.Domain.Actions;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.Platform.Audit;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Learning.Api.Features.RaiseAction;

/// <summary>A new action.</summary>
/// <param name="OrganisationCode">Owning organisation; the caller's when empty.</param>
/// <param name="CaseId">The case it comes from.</param>
/// <param name="ThemeId">The theme it comes from.</param>
/// <param name="WhatWillChange">What will change.</param>
/// <param name="Owner">Who owns it.</param>
/// <param name="DueOn">Due date.</param>
public sealed record RaiseActionRequest(string? OrganisationCode, Guid? CaseId, Guid? ThemeId, string? WhatWillChange, string? Owner, DateOnly? DueOn);

/// <summary>Raises an action for the caller's organisation, from one of its cases or a theme it may see.</summary>
public sealed class RaiseActionHandler(ActionStore actions, LearningCaseStore cases, ThemeQueries themes, IOutbox outbox, IAuditTrail audit, TimeProvider time)
{
    private DateOnly Today => LondonTime.Today(time);

    /// <summary>Raises an action for the caller's organisation, from one of its cases or a theme it may see.</summary>
    public async Task<ActionView> HandleAsync(Caller caller, RaiseActionRequest? input, CancellationToken ct)
    {
        if (input is null)
        {
            throw new RequestValidationException("body", "Send the action as a JSON object.");
        }
        var organisation = string.IsNullOrWhiteSpace(input.OrganisationCode) ? caller.OrganisationCode : input.OrganisationCode.Trim().ToUpperInvariant();
        if (organisation is null || !caller.ActsFor(organisation, LearningAccess.ActionOwners))
        {
            throw organisation is not null && !string.Equals(organisation, caller.OrganisationCode, StringComparison.OrdinalIgnoreCase)
                ? new RequestForbiddenException("An organisation raises its own learning actions.")
                : new RequestForbiddenException("Learning actions are raised by the complaints team, the quality lead, the responsible person or an ICB commissioner.");
        }
        var reader = new FieldReader();
        var what = reader.Text(input.WhatWillChange, "whatWillChange", 2_000, "Say what will change.");
        var owner = reader.Text(input.Owner, "owner", 200, "Name who owns it (a role or a name).");
        if (input.DueOn is not { } due)
        {
            reader.Add("dueOn", "Give the date it is due.");
        }
        else if (due < Today)
        {
            reader.Add("dueOn", "The due date is in the past.");
        }
        else
        {
            // Due dates are counted on the working-day calendar like every other date in a complaint's life.
            DateRules.Within(due, "dueOn", reader.Errors, Today, DateRules.LastCalendarDay);
        }
        if (input.CaseId is { } caseId && !await cases.ExistsForAsync(caseId, organisation, ct))
        {
            reader.Add("caseId", "No case of your organisation has this id.");
        }
        if (input.ThemeId is { } themeId && !await themes.VisibleToAsync(themeId, organisation, ct))
        {
            reader.Add("themeId", "No theme detected by or shared with your organisation has this id.");
        }
        reader.ThrowIfAny();
        var action = LearningAction.Raise(organisation, input.CaseId, input.ThemeId, what!, owner!, input.DueOn!.Value, Today, caller.SubjectId);
        actions.Add(action);
        outbox.Publish(new LearningActionRaised
        {
            ActionId = action.Id, OrganisationCode = organisation, CaseId = action.CaseId, ThemeId = action.ThemeId, RaisedOn = Today, DueOn = action.DueOn,
        });
        audit.Record(AuditAction.Create, LearningResources.Action, action.Id.ToString(), organisation);
        await actions.SaveAsync(ct);
        return ActionSupport.View(action, Today);
    }
}
