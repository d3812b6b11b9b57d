using IcsComplaints.Validation;

namespace IcsComplaints.Learning.Domain.Actions;

/// <summary>Where a learning action stands.</summary>
public enum ActionStatus
{
    /// <summary>Agreed, not yet done.</summary>
    Open = 1,

    /// <summary>Done, with evidence that it changed.</summary>
    Completed = 2,

    /// <summary>Dropped, with the reason.</summary>
    Cancelled = 3,

    /// <summary>
    /// Committed to in a sent final response and proposed to the organisation, owned by nobody yet: someone takes it on
    /// (then it is <see cref="Open"/>) or it is cancelled with the reason.
    /// </summary>
    Proposed = 4,
}

/// <summary>
/// A change an organisation commits to because of a complaint or a theme: what will change, who owns it, by when,
/// and the evidence that it did (Complaint Standards, section 1: capture learning and show how it was used).
/// </summary>
public sealed class LearningAction
{
    private LearningAction()
    {
    }

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }

    /// <summary>ODS code of the organisation that owns it.</summary>
    public string OrganisationCode { get; private set; } = "";

    /// <summary>The case it came from.</summary>
    public Guid? CaseId { get; private set; }

    /// <summary>The theme it came from.</summary>
    public Guid? ThemeId { get; private set; }

    /// <summary>
    /// For an action proposed from the case's sent final response, the change's place in it (from 0): with
    /// <see cref="CaseId"/>, unique, so one change is never proposed twice.
    /// </summary>
    public int? ChangeIndex { get; private set; }

    /// <summary>What will change.</summary>
    public string WhatWillChange { get; private set; } = "";

    /// <summary>Who owns it: a role or a name; empty while it is <see cref="ActionStatus.Proposed"/>.</summary>
    public string Owner { get; private set; } = "";

    /// <summary>Due date.</summary>
    public DateOnly DueOn { get; private set; }

    /// <summary>Status.</summary>
    public ActionStatus Status { get; private set; }

    /// <summary>The day raised.</summary>
    public DateOnly RaisedOn { get; private set; }

    /// <summary>Who raised it.</summary>
    public string RaisedBy { get; private set; } = "";

    /// <summary>Evidence that the change happened, or why it was cancelled.</summary>
    public string? Evidence { get; private set; }

    /// <summary>The day completed or cancelled.</summary>
    public DateOnly? ClosedOn { get; private set; }

    /// <summary>Public summary: what people told us.</summary>
    public string? YouSaid { get; private set; }

    /// <summary>Public summary: what we did.</summary>
    public string? WeDid { get; private set; }

    /// <summary>The day the overdue scan reported it, once.</summary>
    public DateOnly? OverdueReportedOn { get; private set; }

    /// <summary>Who raised it, when the learning service proposed it from a final response.</summary>
    public const string FinalResponse = "final-response";

    /// <summary>Not yet done: open, or proposed and waiting for someone to take it on.</summary>
    public bool IsLive => Status is ActionStatus.Open or ActionStatus.Proposed;

    /// <summary>Open or proposed past its due date: a change promised to a complainant that nobody owns is late all the same.</summary>
    public bool IsOverdue(DateOnly today) => IsLive && DueOn < today;

    /// <summary>An action an organisation agrees to, from one of its cases or a theme, open until completed or cancelled.</summary>
    public static LearningAction Raise(
        string organisationCode, Guid? caseId, Guid? themeId, string whatWillChange, string owner, DateOnly dueOn, DateOnly raisedOn, string raisedBy) => new()
    {
        Id = Guid.CreateVersion7(), OrganisationCode = organisationCode, CaseId = caseId, ThemeId = themeId, WhatWillChange = whatWillChange, Owner = owner,
        DueOn = dueOn, Status = ActionStatus.Open, RaisedOn = raisedOn, RaisedBy = raisedBy,
    };

    /// <summary>
    /// A change the case's sent final response committed to, proposed to its organisation with the response's date,
    /// owned by nobody until someone takes it on (<see cref="TakeOn"/>).
    /// </summary>
    public static LearningAction Propose(string organisationCode, Guid caseId, int changeIndex, string whatWillChange, DateOnly dueOn, DateOnly raisedOn)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(changeIndex);
        return new()
        {
            Id = Guid.CreateVersion7(), OrganisationCode = organisationCode, CaseId = caseId, ChangeIndex = changeIndex, WhatWillChange = whatWillChange, Owner = "",
            DueOn = dueOn, Status = ActionStatus.Proposed, RaisedOn = raisedOn, RaisedBy = FinalResponse,
        };
    }

    /// <summary>A proposed action taken on by an owner (a role or a name): open from now on, until completed or cancelled.</summary>
    public void TakeOn(string owner)
    {
        if (Status != ActionStatus.Proposed)
        {
            throw new RequestStateException(Status == ActionStatus.Open ? "The action already has an owner." : $"The action is {Status}.");
        }
        Owner = owner;
        Status = ActionStatus.Open;
    }

    /// <summary>
    /// Done, with the evidence that the change happened and, if given, the public "you said, we did" summary
    /// (empty parts are no summary).
    /// </summary>
    public void Complete(string evidence, string? youSaid, string? weDid, DateOnly on)
    {
        if (Status == ActionStatus.Proposed)
        {
            throw new RequestStateException("The action is proposed: someone takes it on before it is completed.");
        }
        EnsureLive();
        Status = ActionStatus.Completed;
        Evidence = evidence;
        ClosedOn = on;
        YouSaid = string.IsNullOrEmpty(youSaid) ? null : youSaid;
        WeDid = string.IsNullOrEmpty(weDid) ? null : weDid;
    }

    /// <summary>Dropped, with the reason kept where the evidence would be; a proposed action too, if it will not be done.</summary>
    public void Cancel(string reason, DateOnly on)
    {
        EnsureLive();
        Status = ActionStatus.Cancelled;
        Evidence = reason;
        ClosedOn = on;
    }

    /// <summary>Noted as reported overdue, so the daily scan announces it only once.</summary>
    public void ReportOverdue(DateOnly on) => OverdueReportedOn = on;

    // A completed or cancelled action is a record of what happened: it is not closed a second time.
    private void EnsureLive()
    {
        if (!IsLive)
        {
            throw new RequestStateException($"The action is {Status}.");
        }
    }
}
