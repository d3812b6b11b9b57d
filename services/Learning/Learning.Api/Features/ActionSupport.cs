using IcsComplaints.Learning.Api.Data;
using IcsComplaints.Learning.Domain.Actions;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Learning.Api.Features;

/// <summary>An action as shown.</summary>
/// <param name="Id">Identifier.</param>
/// <param name="OrganisationCode">Owner organisation.</param>
/// <param name="CaseId">Case.</param>
/// <param name="ThemeId">Theme.</param>
/// <param name="WhatWillChange">What will change.</param>
/// <param name="Owner">Owner.</param>
/// <param name="DueOn">Due.</param>
/// <param name="Status">Status.</param>
/// <param name="Overdue">Open past its due date.</param>
/// <param name="RaisedOn">Raised.</param>
/// <param name="Evidence">Evidence or reason.</param>
/// <param name="ClosedOn">Completed or cancelled on.</param>
/// <param name="YouSaid">Public summary.</param>
/// <param name="WeDid">Public summary.</param>
public sealed record ActionView(
    Guid Id, string OrganisationCode, Guid? CaseId, Guid? ThemeId, string WhatWillChange, string Owner, DateOnly DueOn, ActionStatus Status,
    bool Overdue, DateOnly RaisedOn, string? Evidence, DateOnly? ClosedOn, string? YouSaid, string? WeDid);

/// <summary>What the use cases of learning actions share: finding an action the caller may change, and showing one.</summary>
public static class ActionSupport
{
    /// <summary>An action the caller may change: others' actions are not found, and only action owners change them.</summary>
    public static async Task<LearningAction> OwnAsync(ActionStore actions, Caller caller, Guid id, CancellationToken ct)
    {
        var action = await actions.FindAsync(id, ct);
        if (action is null || !caller.ActsFor(action.OrganisationCode, LearningAccess.OrganisationReaders))
        {
            throw new RequestNotFoundException();
        }
        if (!caller.ActsFor(action.OrganisationCode, LearningAccess.ActionOwners))
        {
            throw new RequestForbiddenException("Learning actions are completed by the complaints team, the quality lead, the responsible person or an ICB commissioner.");
        }
        return action;
    }

    /// <summary>The action as shown, flagged overdue as of today.</summary>
    public static ActionView View(LearningAction a, DateOnly today) =>
        new(a.Id, a.OrganisationCode, a.CaseId, a.ThemeId, a.WhatWillChange, a.Owner, a.DueOn, a.Status, a.IsOverdue(today), a.RaisedOn, a.Evidence, a.ClosedOn, a.YouSaid, a.WeDid);
}
