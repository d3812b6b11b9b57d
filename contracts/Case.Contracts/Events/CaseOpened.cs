namespace IcsComplaints.Case.Contracts.Events;

/// <summary>
/// A case has been opened at the organisation that will handle the complaint. The namespace and type name are
/// the message's identity on the broker: never move or rename them; add members, never change or remove them.
/// </summary>
public sealed record CaseOpened
{
    /// <summary>Identifier of the case.</summary>
    public required Guid CaseId { get; init; }

    /// <summary>Identifier of the complaint the case handles.</summary>
    public required Guid ComplaintId { get; init; }

    /// <summary>The complaint's reference.</summary>
    public required string Reference { get; init; }

    /// <summary>ODS code of the organisation handling the case.</summary>
    public required string OrganisationCode { get; init; }

    /// <summary>Date received (Europe/London).</summary>
    public required DateOnly ReceivedOn { get; init; }

    /// <summary>The third working day after receipt (Reg 13(3)).</summary>
    public required DateOnly AcknowledgementDueBy { get; init; }

    /// <summary>When the case was opened.</summary>
    public required DateTimeOffset OpenedAt { get; init; }

    /// <summary>Token subject of the signed-in complainant, who may act on their own case elsewhere (consent to advocacy); <c>null</c> otherwise.</summary>
    public string? ComplainantSubjectId { get; init; }
}

/// <summary>A case closed: transferred, excluded, withdrawn, declined, not considered, linked or resolved.</summary>
public sealed record CaseClosed
{
    /// <summary>Identifier of the case.</summary>
    public required Guid CaseId { get; init; }

    /// <summary>The complaint.</summary>
    public required Guid ComplaintId { get; init; }

    /// <summary>ODS code of the organisation whose case closed.</summary>
    public required string OrganisationCode { get; init; }

    /// <summary>The day.</summary>
    public required DateOnly ClosedOn { get; init; }

    /// <summary>Why: Transferred, Excluded, Withdrawn, DeclinedOutOfTime, NotConsidered, Linked or Resolved.</summary>
    public required string Closure { get; init; }

    /// <summary>For a resolved complaint: Upheld, PartiallyUpheld or NotUpheld.</summary>
    public string? Outcome { get; init; }
}
