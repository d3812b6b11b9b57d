using IcsComplaints.Case.Api.Features.ViewCases;
using IcsComplaints.Case.Domain.Rules;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Case.Api.Features.CodeCase;

/// <summary>One value a KO41a field accepts.</summary>
/// <param name="Code">What the coding step takes.</param>
/// <param name="Label">What a person reads (the national return's wording, the same as the code today).</param>
public sealed record CodeItem(string Code, string Label);

/// <summary>
/// The KO41a values the coding step (<c>PUT …/coding</c>) accepts, by the field of the coding that takes them; the
/// site's ODS code is free text and has no list.
/// </summary>
/// <param name="Subjects">Subject areas (section 7), up to <paramref name="MaxSubjects"/> per complaint.</param>
/// <param name="ServiceArea">Service areas: one per complaint.</param>
/// <param name="Professions">Professions or staff groups (section 8).</param>
/// <param name="ClinicalSubCategories">Clinical treatment sub-categories (section 6), asked for when a subject is <paramref name="ClinicalSubject"/>.</param>
/// <param name="AgeBand">The patient's age band (section 3).</param>
/// <param name="ComplainantStatus">Who complained (section 4).</param>
/// <param name="MaxSubjects">Most subject areas one complaint may have.</param>
/// <param name="ClinicalSubject">The subject area that opens the clinical sub-categories.</param>
public sealed record Ko41CodingScheme(
    IReadOnlyList<CodeItem> Subjects, IReadOnlyList<CodeItem> ServiceArea, IReadOnlyList<CodeItem> Professions,
    IReadOnlyList<CodeItem> ClinicalSubCategories, IReadOnlyList<CodeItem> AgeBand, IReadOnlyList<CodeItem> ComplainantStatus,
    int MaxSubjects, string ClinicalSubject);

/// <summary>
/// Reads the KO41a code lists for a coding screen, straight from <see cref="Ko41Coding"/> — the lists its validation
/// checks against — so a list offered is always a list accepted. Any signed-in staff of an organisation may read them.
/// </summary>
public sealed class ReadCodingScheme
{
    private static readonly Ko41CodingScheme Scheme = new(
        Items(Ko41Coding.SubjectAreas), Items(Ko41Coding.ServiceAreas), Items(Ko41Coding.Professions), Items(Ko41Coding.ClinicalSubCategories),
        Items(Ko41Coding.AgeBands), Items(Ko41Coding.ComplainantStatuses), Ko41Coding.MaxSubjects, Ko41Coding.ClinicalTreatment);

    /// <summary>The lists.</summary>
    public Ko41CodingScheme Handle(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.HasAny(CaseQueries.DetailRoles) || caller.OrganisationCode is null)
        {
            throw new RequestForbiddenException("The KO41 code lists are read by the staff of an organisation.");
        }
        return Scheme;
    }

    private static List<CodeItem> Items(IReadOnlyList<string> values) => [.. values.Select(v => new CodeItem(v, v))];
}
