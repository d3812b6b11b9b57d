namespace IcsComplaints.Case.Contracts.Events;

/// <summary>
/// An update the complainant was promised at the agreed frequency fell due with none given, so one is owed in
/// writing now: where the case stands, and the dates that matter to them. Codes and dates only.
/// </summary>
public sealed record ScheduledUpdateDue
{
    /// <summary>Identifier of the case.</summary>
    public required Guid CaseId { get; init; }

    /// <summary>The complaint.</summary>
    public required Guid ComplaintId { get; init; }

    /// <summary>ODS code of the organisation handling it.</summary>
    public required string OrganisationCode { get; init; }

    /// <summary>The day the update is written: the letter's date.</summary>
    public required DateOnly On { get; init; }

    /// <summary>The case's stage: Received, Acknowledged, EarlyResolution, CloserLook, ResponseDrafted or Reopened.</summary>
    public required string Stage { get; init; }

    /// <summary>Whether the response clock is paused, as the complainant was told.</summary>
    public required bool Paused { get; init; }

    /// <summary>The date the response is due by, when one is set.</summary>
    public DateOnly? ResponseDueBy { get; init; }

    /// <summary>When the next update is due if none is given before.</summary>
    public required DateOnly NextUpdateBy { get; init; }
}
