namespace IcsComplaints.Case.Contracts.Events;

/// <summary>The response clock restarted.</summary>
public sealed record CaseClockResumed
{
    /// <summary>Identifier of the case.</summary>
    public required Guid CaseId { get; init; }

    /// <summary>ODS code.</summary>
    public required string OrganisationCode { get; init; }

    /// <summary>The day.</summary>
    public required DateOnly On { get; init; }

    /// <summary>Working days this pause lasted.</summary>
    public required int PausedWorkingDays { get; init; }

    /// <summary>Working days paused on this case in all.</summary>
    public required int TotalPausedWorkingDays { get; init; }
}
