namespace IcsComplaints.Case.Contracts.Events;

/// <summary>
/// A case moved from one stage of the complaint handling procedure to another. Stages: Received, Acknowledged,
/// EarlyResolution, CloserLook, ResponseDrafted, FinalResponseSent, Closed, Reopened, ReferredToOmbudsman.
/// </summary>
public sealed record CaseStageChanged
{
    /// <summary>Identifier of the case.</summary>
    public required Guid CaseId { get; init; }

    /// <summary>The complaint.</summary>
    public required Guid ComplaintId { get; init; }

    /// <summary>ODS code of the organisation handling it.</summary>
    public required string OrganisationCode { get; init; }

    /// <summary>The stage it left.</summary>
    public required string From { get; init; }

    /// <summary>The stage it entered.</summary>
    public required string To { get; init; }

    /// <summary>The day (Europe/London).</summary>
    public required DateOnly On { get; init; }

    /// <summary>Working days since receipt.</summary>
    public int WorkingDaysSinceReceipt { get; init; }
}
