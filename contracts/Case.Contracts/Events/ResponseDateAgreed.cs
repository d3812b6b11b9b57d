namespace IcsComplaints.Case.Contracts.Events;

/// <summary>A response date was agreed with the complainant, or changed.</summary>
public sealed record ResponseDateAgreed
{
    /// <summary>Identifier of the case.</summary>
    public required Guid CaseId { get; init; }

    /// <summary>The complaint.</summary>
    public required Guid ComplaintId { get; init; }

    /// <summary>ODS code.</summary>
    public required string OrganisationCode { get; init; }

    /// <summary>The day agreed.</summary>
    public required DateOnly AgreedOn { get; init; }

    /// <summary>The response date.</summary>
    public required DateOnly DueBy { get; init; }

    /// <summary>0 for the first agreement, then 1, 2, … for each renegotiation.</summary>
    public required int Renegotiation { get; init; }

    /// <summary>False when the complainant declined to discuss it and the organisation set it.</summary>
    public required bool WithComplainant { get; init; }
}
