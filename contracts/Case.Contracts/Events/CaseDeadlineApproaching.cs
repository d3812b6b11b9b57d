namespace IcsComplaints.Case.Contracts.Events;

/// <summary>A deadline is near (Deadline: Acknowledgement, EarlyResolution, Response, Update or Backstop).</summary>
public sealed record CaseDeadlineApproaching
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

    /// <summary>Working days left.</summary>
    public required int WorkingDaysLeft { get; init; }
}
