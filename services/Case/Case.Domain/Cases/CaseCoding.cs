namespace IcsComplaints.Case.Domain.Cases;

/// <summary>The KO41 coding of a case as a handler sends it (JSON camelCase); every value is checked by <see cref="Rules.Ko41Coding.Validate"/>.</summary>
/// <param name="Subjects">Subject areas, one per aspect of the complaint.</param>
/// <param name="ServiceArea">The main service area.</param>
/// <param name="Professions">Professions or staff groups complained about.</param>
/// <param name="ClinicalSubCategories">Clinical treatment sub-categories, only when a subject is "Clinical treatment".</param>
/// <param name="SiteOdsCode">ODS code of the one site the complaint is counted against, if any.</param>
/// <param name="AgeBand">Age band of the patient.</param>
/// <param name="ComplainantStatus">Whether the patient complained or someone on their behalf.</param>
public sealed record Ko41CodingInput(
    IReadOnlyList<string>? Subjects,
    string? ServiceArea,
    IReadOnlyList<string>? Professions,
    IReadOnlyList<string>? ClinicalSubCategories,
    string? SiteOdsCode,
    string? AgeBand,
    string? ComplainantStatus);

/// <summary>A case's validated KO41 coding: every value spelt exactly as in the lists of <see cref="Rules.Ko41Coding"/>.</summary>
/// <param name="Subjects">Subject areas, without duplicates, in the order given.</param>
/// <param name="ServiceArea">The main service area.</param>
/// <param name="Professions">Professions or staff groups, without duplicates, in the order given.</param>
/// <param name="ClinicalSubCategories">Clinical treatment sub-categories; empty unless a subject is "Clinical treatment".</param>
/// <param name="SiteOdsCode">ODS code of the site, upper case; <c>null</c> when not given.</param>
/// <param name="AgeBand">Age band of the patient.</param>
/// <param name="ComplainantStatus">Whether the patient complained or someone on their behalf.</param>
public sealed record CaseCoding(
    IReadOnlyList<string> Subjects,
    string ServiceArea,
    IReadOnlyList<string> Professions,
    IReadOnlyList<string> ClinicalSubCategories,
    string? SiteOdsCode,
    string AgeBand,
    string ComplainantStatus);
