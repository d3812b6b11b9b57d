namespace IcsComplaints.Case.Contracts.Events;

/// <summary>A deadline was missed; for the Backstop, the complainant is owed a letter explaining the delay (Reg 14).</summary>
public sealed record CaseDeadlineMissed
{
    /// <summary>Identifier of the case.</summary>
    public required Guid CaseId { get; init; }

    /// <summary>The complaint.</summary>
    public required Guid ComplaintId { get; init; }

    /// <summary>ODS code.</summary>
    public required string OrganisationCode { get; init; }

    /// <summary>Which deadline.</summary>
    public required string Deadline { get; init; }

    /// <summary>Its last day.</summary>
    public required DateOnly DueOn { get; init; }

    /// <summary>The day it was found missed.</summary>
    public required DateOnly DetectedOn { get; init; }
}
