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
}

/// <summary>
/// A change an organisation commits to because of a complaint or a theme: what will change, who owns it, by when,
/// and the evidence that it did (Complaint Standards, section 1: capture learning and show how it was used).
/// </summary>
public sealed class LearningAction
{
    /// <summary>Identifier.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>ODS code of the organisation that owns it.</summary>
    public required string OrganisationCode { get; init; }

    /// <summary>The case it came from.</summary>
    public Guid? CaseId { get; init; }

    /// <summary>The theme it came from.</summary>
    public Guid? ThemeId { get; init; }

    /// <summary>What will change.</summary>
    public required string WhatWillChange { get; init; }

    /// <summary>Who owns it: a role or a name.</summary>
    public required string Owner { get; init; }

    /// <summary>Due date.</summary>
    public DateOnly DueOn { get; init; }

    /// <summary>Status.</summary>
    public ActionStatus Status { get; set; } = ActionStatus.Open;

    /// <summary>The day raised.</summary>
    public DateOnly RaisedOn { get; init; }

    /// <summary>Who raised it.</summary>
    public required string RaisedBy { get; init; }

    /// <summary>Evidence that the change happened, or why it was cancelled.</summary>
    public string? Evidence { get; set; }

    /// <summary>The day completed or cancelled.</summary>
    public DateOnly? ClosedOn { get; set; }

    /// <summary>Public summary: what people told us.</summary>
    public string? YouSaid { get; set; }

    /// <summary>Public summary: what we did.</summary>
    public string? WeDid { get; set; }

    /// <summary>The day the overdue scan reported it, once.</summary>
    public DateOnly? OverdueReportedOn { get; set; }

    /// <summary>Open past its due date.</summary>
    public bool IsOverdue(DateOnly today) => Status == ActionStatus.Open && DueOn < today;
}
