namespace IcsComplaints.Case.Contracts.Events;

/// <summary>The response clock stopped (Reason: AwaitingConsent, AwaitingComplainant or ParallelProcess).</summary>
public sealed record CaseClockPaused
{
    /// <summary>Identifier of the case.</summary>
    public required Guid CaseId { get; init; }

    /// <summary>The complaint.</summary>
    public required Guid ComplaintId { get; init; }

    /// <summary>ODS code.</summary>
    public required string OrganisationCode { get; init; }

    /// <summary>Why.</summary>
    public required string Reason { get; init; }

    /// <summary>First day paused.</summary>
    public required DateOnly From { get; init; }
}
