namespace IcsComplaints.Case.Contracts.Events;

/// <summary>The case was coded for KO41 (codes only).</summary>
public sealed record CaseCoded
{
    /// <summary>Identifier of the case.</summary>
    public required Guid CaseId { get; init; }

    /// <summary>The complaint.</summary>
    public required Guid ComplaintId { get; init; }

    /// <summary>ODS code of the organisation handling it (KO41: the organisation that deals with a transferred complaint records it).</summary>
    public required string OrganisationCode { get; init; }

    /// <summary>Date received.</summary>
    public required DateOnly ReceivedOn { get; init; }

    /// <summary>Subject areas.</summary>
    public required IReadOnlyList<string> Subjects { get; init; }

    /// <summary>Service area.</summary>
    public required string ServiceArea { get; init; }

    /// <summary>Professions.</summary>
    public required IReadOnlyList<string> Professions { get; init; }

    /// <summary>Clinical treatment sub-categories.</summary>
    public required IReadOnlyList<string> ClinicalSubCategories { get; init; }

    /// <summary>Site ODS code.</summary>
    public string? SiteOdsCode { get; init; }

    /// <summary>Age band of the patient.</summary>
    public required string AgeBand { get; init; }

    /// <summary>Status of the complainant.</summary>
    public required string ComplainantStatus { get; init; }
}
