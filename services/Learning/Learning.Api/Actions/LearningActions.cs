using IcsComplaints.Calendar;
using IcsComplaints.Directory;
using IcsComplaints.Learning.Api.Data;
using IcsComplaints.Learning.Contracts.Events;
using IcsComplaints.Learning.Domain.Actions;
using IcsComplaints.Learning.Domain.Rules;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.Platform.Audit;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.Learning.Api.Actions;

/// <summary>A new action.</summary>
/// <param name="OrganisationCode">Owning organisation; the caller's when empty.</param>
/// <param name="CaseId">The case it comes from.</param>
/// <param name="ThemeId">The theme it comes from.</param>
/// <param name="WhatWillChange">What will change.</param>
/// <param name="Owner">Who owns it.</param>
/// <param name="DueOn">Due date.</param>
public sealed record RaiseActionRequest(string? OrganisationCode, Guid? CaseId, Guid? ThemeId, string? WhatWillChange, string? Owner, DateOnly? DueOn);

/// <summary>Completion.</summary>
/// <param name="Evidence">Evidence that it changed.</param>
/// <param name="YouSaid">Public: what people told us (no personal data).</param>
/// <param name="WeDid">Public: what we did.</param>
public sealed record CompleteActionRequest(string? Evidence, string? YouSaid, string? WeDid);

/// <summary>Cancellation.</summary>
/// <param name="Reason">Why.</param>
public sealed record CancelActionRequest(string? Reason);

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

/// <summary>A public "you said, we did" entry: no names, no case, only the month.</summary>
/// <param name="OrganisationCode">ODS code.</param>
/// <param name="Month">Month completed, <c>yyyy-MM</c>.</param>
/// <param name="YouSaid">What people told us.</param>
/// <param name="WeDid">What we did.</param>
public sealed record YouSaidWeDid(string OrganisationCode, string Month, string YouSaid, string WeDid);

/// <summary>Raises, completes and cancels learning actions; lists them, overdue ones flagged.</summary>
public sealed class LearningActions(LearningDbContext db, IOutbox outbox, IAuditTrail audit, Commissioning commissioning, TimeProvider time)
{
    private DateOnly Today => LondonTime.Today(time);

    /// <summary>Raises an action for the caller's organisation, from one of its cases or a theme it may see.</summary>
    public async Task<ActionView> RaiseAsync(Caller caller, RaiseActionRequest? input, CancellationToken ct)
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
        var errors = new ValidationErrors();
        var what = Text(input.WhatWillChange, "whatWillChange", 2_000, "Say what will change.", errors);
        var owner = Text(input.Owner, "owner", 200, "Name who owns it (a role or a name).", errors);
        if (input.DueOn is not { } due)
        {
            errors.Add("dueOn", "Give the date it is due.");
        }
        else if (due < Today)
        {
            errors.Add("dueOn", "The due date is in the past.");
        }
        else
        {
            // Due dates are counted on the working-day calendar like every other date in a complaint's life.
            DateRules.Within(due, "dueOn", errors, Today, DateRules.LastCalendarDay);
        }
        if (input.CaseId is { } caseId && !await db.Cases.AnyAsync(c => c.CaseId == caseId && c.OrganisationCode == organisation, ct))
        {
            errors.Add("caseId", "No case of your organisation has this id.");
        }
        if (input.ThemeId is { } themeId && !await db.Themes.AnyAsync(t => t.Id == themeId && (t.IcbCode == organisation || t.SharedWith.Contains(organisation)), ct))
        {
            errors.Add("themeId", "No theme detected by or shared with your organisation has this id.");
        }
        errors.ThrowIfAny();
        var action = new LearningAction
        {
            OrganisationCode = organisation, CaseId = input.CaseId, ThemeId = input.ThemeId, WhatWillChange = what!, Owner = owner!,
            DueOn = input.DueOn!.Value, RaisedOn = Today, RaisedBy = caller.SubjectId,
        };
        db.Actions.Add(action);
        outbox.Publish(new LearningActionRaised
        {
            ActionId = action.Id, OrganisationCode = organisation, CaseId = action.CaseId, ThemeId = action.ThemeId, RaisedOn = Today, DueOn = action.DueOn,
        });
        audit.Record(AuditAction.Create, LearningResources.Action, action.Id.ToString(), organisation);
        await db.SaveChangesAsync(ct);
        return View(action);
    }

    /// <summary>Completes an open action with evidence; a public summary, if given, must carry no personal data.</summary>
    public async Task<ActionView> CompleteAsync(Caller caller, Guid id, CompleteActionRequest? input, CancellationToken ct)
    {
        var action = await OwnAsync(caller, id, ct);
        var errors = new ValidationErrors();
        var evidence = Text(input?.Evidence, "evidence", 4_000, "Give the evidence that the change happened.", errors);
        var youSaid = TextRules.Read(input?.YouSaid, "youSaid", errors, 1_000);
        var weDid = TextRules.Read(input?.WeDid, "weDid", errors, 1_000);
        if (string.IsNullOrEmpty(youSaid) != string.IsNullOrEmpty(weDid) && !errors.Has("youSaid") && !errors.Has("weDid"))
        {
            errors.Add(string.IsNullOrEmpty(youSaid) ? "youSaid" : "weDid", "A public summary has both parts: what people told us and what we did.");
        }
        foreach (var (field, value) in new[] { ("youSaid", youSaid), ("weDid", weDid) })
        {
            if (PublicText.PersonalDataIn(value) is { } found)
            {
                errors.Add(field, $"A public summary must not identify anyone: remove the {found}.");
            }
        }
        errors.ThrowIfAny();
        EnsureOpen(action);
        action.Status = ActionStatus.Completed;
        action.Evidence = evidence;
        action.ClosedOn = Today;
        action.YouSaid = string.IsNullOrEmpty(youSaid) ? null : youSaid;
        action.WeDid = string.IsNullOrEmpty(weDid) ? null : weDid;
        outbox.Publish(new LearningActionCompleted
        {
            ActionId = action.Id, OrganisationCode = action.OrganisationCode, CompletedOn = Today, DueOn = action.DueOn, OnTime = Today <= action.DueOn,
            Published = action.YouSaid is not null,
        });
        audit.Record(AuditAction.Update, LearningResources.Action, action.Id.ToString(), action.OrganisationCode);
        await db.SaveChangesAsync(ct);
        return View(action);
    }

    /// <summary>Cancels an open action, with the reason.</summary>
    public async Task<ActionView> CancelAsync(Caller caller, Guid id, CancelActionRequest? input, CancellationToken ct)
    {
        var action = await OwnAsync(caller, id, ct);
        var errors = new ValidationErrors();
        var reason = Text(input?.Reason, "reason", 2_000, "Say why the action is dropped.", errors);
        errors.ThrowIfAny();
        EnsureOpen(action);
        action.Status = ActionStatus.Cancelled;
        action.Evidence = reason;
        action.ClosedOn = Today;
        audit.Record(AuditAction.Update, LearningResources.Action, action.Id.ToString(), action.OrganisationCode);
        await db.SaveChangesAsync(ct);
        return View(action);
    }

    /// <summary>Actions of an organisation the caller may see (their own, or an ICB's provider), most urgent first.</summary>
    public async Task<IReadOnlyList<ActionView>> ListAsync(Caller caller, string? organisationCode, ActionStatus? status, bool overdueOnly, Guid? caseId, CancellationToken ct)
    {
        var organisation = await commissioning.ResolveAsync(caller, organisationCode, LearningAccess.OrganisationReaders, ct);
        var today = Today;
        var query = db.Actions.AsNoTracking().Where(a => a.OrganisationCode == organisation);
        if (status is { } s)
        {
            query = query.Where(a => a.Status == s);
        }
        if (overdueOnly)
        {
            query = query.Where(a => a.Status == ActionStatus.Open && a.DueOn < today);
        }
        if (caseId is { } c)
        {
            query = query.Where(a => a.CaseId == c);
        }
        var actions = await query.OrderBy(a => a.Status).ThenBy(a => a.DueOn).Take(500).ToListAsync(ct);
        return [.. actions.Select(View)];
    }

    /// <summary>The public "you said, we did" summaries of an organisation, newest first.</summary>
    public async Task<IReadOnlyList<YouSaidWeDid>> PublishedAsync(string? organisationCode, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(organisationCode))
        {
            throw new RequestValidationException("organisation", "Give the organisation's ODS code.");
        }
        var code = organisationCode.Trim().ToUpperInvariant();
        var rows = await db.Actions.AsNoTracking()
            .Where(a => a.OrganisationCode == code && a.Status == ActionStatus.Completed && a.YouSaid != null && a.WeDid != null)
            .OrderByDescending(a => a.ClosedOn).Take(200)
            .Select(a => new { a.ClosedOn, a.YouSaid, a.WeDid })
            .ToListAsync(ct);
        return [.. rows.Select(r => new YouSaidWeDid(code, r.ClosedOn!.Value.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), r.YouSaid!, r.WeDid!))];
    }

    /// <summary>Reports each open action past its due date, once.</summary>
    public async Task<int> ReportOverdueAsync(CancellationToken ct)
    {
        var today = Today;
        var overdue = await db.Actions.Where(a => a.Status == ActionStatus.Open && a.DueOn < today && a.OverdueReportedOn == null).Take(1_000).ToListAsync(ct);
        foreach (var action in overdue)
        {
            action.OverdueReportedOn = today;
            outbox.Publish(new LearningActionOverdue { ActionId = action.Id, OrganisationCode = action.OrganisationCode, DueOn = action.DueOn, DetectedOn = today });
        }
        await db.SaveChangesAsync(ct);
        return overdue.Count;
    }

    private async Task<LearningAction> OwnAsync(Caller caller, Guid id, CancellationToken ct)
    {
        var action = await db.Actions.FirstOrDefaultAsync(a => a.Id == id, ct);
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

    private static void EnsureOpen(LearningAction action)
    {
        if (action.Status != ActionStatus.Open)
        {
            throw new RequestStateException($"The action is {action.Status}.");
        }
    }

    private static string? Text(string? value, string field, int max, string missing, ValidationErrors errors) =>
        TextRules.Read(value, field, errors, max, missing);

    private ActionView View(LearningAction a) =>
        new(a.Id, a.OrganisationCode, a.CaseId, a.ThemeId, a.WhatWillChange, a.Owner, a.DueOn, a.Status, a.IsOverdue(Today), a.RaisedOn, a.Evidence, a.ClosedOn, a.YouSaid, a.WeDid);
}
