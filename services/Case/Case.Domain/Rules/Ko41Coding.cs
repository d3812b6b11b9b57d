using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Validation;

namespace IcsComplaints.Case.Domain.Rules;

/// <summary>
/// KO41a "Data on Written Complaints in the NHS" (domain.md §3): the categories a case is coded with, the checks a
/// handler's coding must pass (every problem reported at once, field by field), the outcome's definitions, and that a
/// case is coded before it closes. The lists are long because they are the national return's; they stay in one file
/// so they can be checked against NHS England's lookup file in one place.
/// </summary>
public static class Ko41Coding
{
    /// <summary>Most subject areas one complaint may be coded with.</summary>
    public const int MaxSubjects = 10;

    /// <summary>The subject area that opens the clinical treatment sub-categories.</summary>
    public const string ClinicalTreatment = "Clinical treatment";

    /// <summary>
    /// KO41a subject areas. The first 16 are the post-2015 "KO41a-aligned" list as encoded by an NHS trust's
    /// complaints reporting and corroborated by the 2022-23 national summary (confirmed); the last four are national
    /// subject areas seen in the 2022-23 publication but missing from the trust list (partly confirmed). Check them
    /// against NHS England's "KO41a complaints data items lookup and validations" file before a national return.
    /// </summary>
    public static IReadOnlyList<string> SubjectAreas { get; } =
    [
        "Access to treatment or drugs",
        "Admissions, discharges and transfers",
        "Appointments",
        ClinicalTreatment,
        "Communications",
        "Consent",
        "End of life care",
        "Facilities services",
        "Other",
        "Patient care",
        "Prescribing errors",
        "Privacy, dignity and wellbeing",
        "Restraint",
        "Staff",
        "Trust administration",
        "Waiting times",
        "Integrated care",
        "Mortuary and post-mortem arrangements",
        "Staff numbers",
        "Values and behaviours",
    ];

    /// <summary>
    /// KO41a service areas. Only A&amp;E, anaesthetics, dental, obstetrics and gynaecology, paediatrics, radiology
    /// (2022-23 publication) and mental health (KO41a guidance) are confirmed; the full post-2015 list is not, and
    /// this list must be checked against NHS England's "KO41a complaints data items lookup and validations" file
    /// before a national return.
    /// </summary>
    public static IReadOnlyList<string> ServiceAreas { get; } =
    [
        "A&E",
        "Anaesthetics",
        "Dental",
        "Obstetrics and gynaecology",
        "Paediatrics",
        "Radiology",
        "Mental health",
        "Medical",
        "Surgical",
        "Community",
        "Ambulance",
        "Primary care",
        "Other",
    ];

    /// <summary>
    /// KO41a professions (staff groups). Medical; nursing, midwifery and health visiting; scientific, therapeutic
    /// and technical; ambulance crews; and administrative staff are confirmed by national publications; the full
    /// current list is not, and this list must be checked against NHS England's "KO41a complaints data items
    /// lookup and validations" file before a national return.
    /// </summary>
    public static IReadOnlyList<string> Professions { get; } =
    [
        "Medical",
        "Nursing, midwifery and health visiting",
        "Scientific, therapeutic and technical",
        "Ambulance crews",
        "Administrative and clerical",
        "Dental",
        "Other",
    ];

    /// <summary>
    /// Clinical treatment sub-categories (KO41a section 6, filled only when the complaint has a clinical aspect).
    /// The national sub-categories were not found: this is a local list, not confirmed, pending NHS England's
    /// "KO41a complaints data items lookup and validations" file.
    /// </summary>
    public static IReadOnlyList<string> ClinicalSubCategories { get; } =
    [
        "Diagnosis",
        "Surgery",
        "Medication",
        "Care plan",
        "Infection control",
        "Aftercare",
        "Other",
    ];

    /// <summary>
    /// Age bands of the patient (KO41a section 3). The exact national bands were not found: "26-55" appears in the
    /// 2015-16 publication and KO41b has "age unknown"; the rest is not confirmed and must be checked against NHS
    /// England's "KO41a complaints data items lookup and validations" file before a national return.
    /// </summary>
    public static IReadOnlyList<string> AgeBands { get; } =
    [
        "0-17",
        "18-25",
        "26-55",
        "56-64",
        "65-74",
        "75+",
        "Unknown",
    ];

    /// <summary>
    /// Status of the complainant (KO41a section 4): the patient or someone on their behalf. The national values
    /// were not found; the distinction is from the KO41a guidance, the wording is local.
    /// </summary>
    public static IReadOnlyList<string> ComplainantStatuses { get; } =
    [
        "Patient",
        "On behalf of the patient",
        "Unknown",
    ];

    /// <summary>
    /// Validates <paramref name="input"/> and returns it in canonical form; throws
    /// <see cref="RequestValidationException"/> listing every bad field. A <c>null</c> input reports each required field.
    /// </summary>
    public static CaseCoding Validate(Ko41CodingInput? input)
    {
        input ??= new Ko41CodingInput(null, null, null, null, null, null, null);
        var errors = new ValidationErrors();

        var subjects = List(
            input.Subjects, "subjects", SubjectAreas, "subject area", MaxSubjects,
            "Give at least one subject area (KO41a section 7); use \"Other\" when none fits.", errors);
        var serviceArea = Single(
            input.ServiceArea, "serviceArea", ServiceAreas, "service area",
            "Give the main service area: KO41a records one per complaint.", errors);
        var professions = List(
            input.Professions, "professions", Professions, "profession", maxCount: null,
            "Give at least one profession or staff group (KO41a section 8); use \"Other\" when none fits.", errors);
        var subCategories = ClinicalAspects(input.ClinicalSubCategories, subjects, errors);
        var site = Site(input.SiteOdsCode, errors);
        var ageBand = Single(
            input.AgeBand, "ageBand", AgeBands, "age band",
            "Give the patient's age band (KO41a section 3); use \"Unknown\" when it is not known.", errors);
        var status = Single(
            input.ComplainantStatus, "complainantStatus", ComplainantStatuses, "complainant status",
            "Say who complained (KO41a section 4); use \"Unknown\" when it is not known.", errors);

        errors.ThrowIfAny();
        return new CaseCoding(subjects, serviceArea!, professions, subCategories, site, ageBand!, status!);
    }

    /// <summary>True when the complaint has a clinical aspect: one of its subjects is <see cref="ClinicalTreatment"/>.</summary>
    public static bool IsClinical(CaseCoding coding) => coding.Subjects.Contains(ClinicalTreatment, StringComparer.Ordinal);

    /// <summary>
    /// The outcome from the findings, as KO41a defines it: upheld when every point is upheld, partially upheld
    /// when some but not all are, not upheld when none is.
    /// </summary>
    public static CaseOutcome OutcomeOf(IReadOnlyList<ResponseFinding> findings) =>
        findings.All(f => f.Upheld) ? CaseOutcome.Upheld
        : findings.Any(f => f.Upheld) ? CaseOutcome.PartiallyUpheld
        : CaseOutcome.NotUpheld;

    /// <summary>Refuses to close a case that is not coded: KO41a counts every complaint resolved.</summary>
    public static void EnsureCodedBeforeClosing(CaseCoding? coding)
    {
        if (coding is null)
        {
            throw new RequestStateException("Code the case for KO41 before closing it (subject, service area, profession, age band, complainant status).");
        }
    }

    private static List<string> ClinicalAspects(IReadOnlyList<string>? given, List<string> subjects, ValidationErrors errors)
    {
        var clinical = subjects.Contains(ClinicalTreatment, StringComparer.Ordinal);
        if (given is null || given.Count == 0)
        {
            if (clinical)
            {
                errors.Add(
                    "clinicalSubCategories",
                    "Give at least one clinical treatment sub-category: KO41a asks for them when the complaint has a clinical aspect.");
            }
            return [];
        }
        if (!clinical)
        {
            // The list is still checked below so that one answer also names any misspelt sub-category.
            errors.Add(
                "clinicalSubCategories",
                $"Clinical treatment sub-categories are filled only when the complaint has a clinical aspect (KO41a): add the subject area \"{ClinicalTreatment}\" or remove them.");
        }
        return List(given, "clinicalSubCategories", ClinicalSubCategories, "clinical treatment sub-category", maxCount: null, missing: null, errors);
    }

    private static string? Site(string? given, ValidationErrors errors)
    {
        var code = given?.Trim().ToUpperInvariant() ?? "";
        if (code.Length == 0)
        {
            return null;
        }
        if (code.Length is < 3 or > 9 || !code.All(char.IsAsciiLetterOrDigit))
        {
            errors.Add("siteOdsCode", "A site's ODS code is 3 to 9 letters and digits, such as RJ121. KO41a counts a complaint against one site only.");
            return null;
        }
        return code;
    }

    private static string? Single(string? given, string field, IReadOnlyList<string> allowed, string what, string missing, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(given))
        {
            errors.Add(field, missing);
            return null;
        }
        var canonical = Find(allowed, given);
        if (canonical is null)
        {
            errors.Add(field, Unknown(given, what, allowed));
        }
        return canonical;
    }

    private static List<string> List(
        IReadOnlyList<string>? given, string field, IReadOnlyList<string> allowed, string what, int? maxCount, string? missing, ValidationErrors errors)
    {
        var values = new List<string>();
        if (given is null || given.Count == 0)
        {
            if (missing is not null)
            {
                errors.Add(field, missing);
            }
            return values;
        }
        if (given.Count > maxCount)
        {
            errors.Add(field, $"Give at most {maxCount} {what}s.");
        }
        for (var i = 0; i < given.Count; i++)
        {
            var item = $"{field}[{i}]";
            if (string.IsNullOrWhiteSpace(given[i]))
            {
                errors.Add(item, $"Give a {what}, or remove the empty entry.");
                continue;
            }
            var canonical = Find(allowed, given[i]);
            if (canonical is null)
            {
                errors.Add(item, Unknown(given[i], what, allowed));
            }
            else if (values.Contains(canonical, StringComparer.Ordinal))
            {
                errors.Add(item, $"\"{canonical}\" is already listed: KO41a records each aspect of a complaint once.");
            }
            else
            {
                values.Add(canonical);
            }
        }
        return values;
    }

    private static string? Find(IReadOnlyList<string> allowed, string given)
    {
        var value = given.Trim();
        return allowed.FirstOrDefault(a => string.Equals(a, value, StringComparison.OrdinalIgnoreCase));
    }

    private static string Unknown(string given, string what, IReadOnlyList<string> allowed)
    {
        // The value is echoed back trimmed and shortened so a pasted paragraph cannot swamp the message.
        var shown = given.Trim();
        if (shown.Length > 60)
        {
            shown = string.Concat(shown.AsSpan(0, 60), "…");
        }
        return $"\"{shown}\" is not a KO41a {what}. Use one of: {string.Join("; ", allowed)}.";
    }
}
