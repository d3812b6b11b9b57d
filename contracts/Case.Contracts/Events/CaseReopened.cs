namespace IcsComplaints.Case.Contracts.Events;

/// <summary>A resolved case was reopened.</summary>
public sealed record CaseReopened
{
    /// <summary>Identifier of the case.</summary>
    public required Guid CaseId { get; init; }

    /// <summary>ODS code.</summary>
    public required string OrganisationCode { get; init; }

    /// <summary>The day.</summary>
    public required DateOnly On { get; init; }

    /// <summary>How many times, this included.</summary>
    public required int Count { get; init; }
}
