namespace IcsComplaints.Case.Contracts.Events;

/// <summary>A review of a draft closed on the case: Completed, Waived, Expired (the window passed), ConsentRevoked or Superseded by a newer draft.</summary>
public sealed record DraftReviewClosed
{
    /// <summary>Identifier of the case.</summary>
    public required Guid CaseId { get; init; }

    /// <summary>ODS code of the organisation handling it.</summary>
    public required string OrganisationCode { get; init; }

    /// <summary>The draft version.</summary>
    public required int Version { get; init; }

    /// <summary>The reviewer: an advocacy service code or a contributing organisation's ODS code.</summary>
    public required string ReviewerCode { get; init; }

    /// <summary>How it closed.</summary>
    public required string Outcome { get; init; }

    /// <summary>Comments made, when known.</summary>
    public int Comments { get; init; }

    /// <summary>The day.</summary>
    public required DateOnly ClosedOn { get; init; }
}
