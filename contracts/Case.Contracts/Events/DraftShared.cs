namespace IcsComplaints.Case.Contracts.Events;

/// <summary>
/// A version of the draft final response was shared for review before it is final: with the advocacy services the
/// complainant consented to, and with the other organisations of a complaint about several (Reg 9). Ids and codes
/// only: reviewers read the draft from the case service, which checks their right at each view.
/// </summary>
public sealed record DraftShared
{
    /// <summary>Identifier of the case.</summary>
    public required Guid CaseId { get; init; }

    /// <summary>The complaint.</summary>
    public required Guid ComplaintId { get; init; }

    /// <summary>ODS code of the organisation handling it.</summary>
    public required string OrganisationCode { get; init; }

    /// <summary>The draft version shared.</summary>
    public required int Version { get; init; }

    /// <summary>Codes of the advocacy services asked to review it.</summary>
    public IReadOnlyList<string> AdvocacyServiceCodes { get; init; } = [];

    /// <summary>ODS codes of the contributing organisations asked to review it.</summary>
    public IReadOnlyList<string> ContributorCodes { get; init; } = [];

    /// <summary>The day.</summary>
    public required DateOnly SharedOn { get; init; }

    /// <summary>The last day of the review window.</summary>
    public required DateOnly WindowEndsOn { get; init; }
}
