namespace IcsComplaints.Case.Contracts.Events;

/// <summary>The organisation learnt that the complainant went to the Health Service Ombudsman.</summary>
public sealed record CaseReferredToOmbudsman
{
    /// <summary>Identifier of the case.</summary>
    public required Guid CaseId { get; init; }

    /// <summary>The complaint.</summary>
    public required Guid ComplaintId { get; init; }

    /// <summary>ODS code.</summary>
    public required string OrganisationCode { get; init; }

    /// <summary>When learnt.</summary>
    public required DateOnly LearnedOn { get; init; }
}
