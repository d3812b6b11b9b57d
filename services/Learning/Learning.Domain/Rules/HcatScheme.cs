// HcatScheme: seven problem categories under three domains, severity 0–3 each, harm 0–5 and stage of care (Healthcare Complaints Analysis Tool, Gillespie & Reader 2016; domain.md §8.2, §8.3).
using IcsComplaints.Learning.Domain.Coding;
using IcsComplaints.Validation;

namespace IcsComplaints.Learning.Domain.Rules;

/// <summary>One of HCAT's seven problem categories, under its domain.</summary>
/// <param name="Key">Stable key used in the API and events.</param>
/// <param name="Name">Name as HCAT gives it.</param>
/// <param name="Domain">Clinical, Management or Relationships.</param>
public sealed record HcatCategory(string Key, string Name, string Domain);

/// <summary>A level of a scale with what it means.</summary>
/// <param name="Level">The number.</param>
/// <param name="Name">Its name.</param>
public sealed record ScaleLevel(int Level, string Name);

/// <summary>
/// The Healthcare Complaints Analysis Tool (Gillespie &amp; Reader, BMJ Qual Saf 2016, doi 10.1136/bmjqs-2015-004596;
/// domain.md §8.2): seven problem categories under three domains, each coded for severity 0–3 independently of
/// harm, plus harm and the stage of care. The domain → category mapping and the severity scale are confirmed; the
/// harm scale and the stages of care follow the HCAT manual as recalled and must be checked against it before the
/// codes are compared with other HCAT users.
/// </summary>
public static class HcatScheme
{
    /// <summary>The categories, in HCAT's order.</summary>
    public static IReadOnlyList<HcatCategory> Categories { get; } =
    [
        new("quality", "Quality", "Clinical"),
        new("safety", "Safety", "Clinical"),
        new("environment", "Environment", "Management"),
        new("institutionalProcesses", "Institutional processes", "Management"),
        new("listening", "Listening", "Relationships"),
        new("communication", "Communication", "Relationships"),
        new("respect", "Respect and patient rights", "Relationships"),
    ];

    /// <summary>Category keys.</summary>
    public static IReadOnlyList<string> CategoryKeys { get; } = [.. Categories.Select(c => c.Key)];

    /// <summary>Severity of a problem (HCAT referent table).</summary>
    public static IReadOnlyList<ScaleLevel> Severity { get; } =
        [new(0, "Not present"), new(1, "Low"), new(2, "Medium"), new(3, "High")];

    /// <summary>Harm to the patient.</summary>
    public static IReadOnlyList<ScaleLevel> Harm { get; } =
        [new(0, "None"), new(1, "Minimal"), new(2, "Minor"), new(3, "Moderate"), new(4, "Major"), new(5, "Catastrophic")];

    /// <summary>Where in the care pathway the problems arose.</summary>
    public static IReadOnlyList<string> StagesOfCare { get; } =
        ["Admissions", "Examination and diagnosis", "Care on the ward", "Operation or procedure", "Discharge or transfer"];

    /// <summary>
    /// Categories a complaint's KO41 subject areas suggest (domain.md §8.3, a design proposal, not a standard): a
    /// starting point for the coder, never a coding.
    /// </summary>
    public static IReadOnlyDictionary<string, string[]> SuggestionsBySubjectArea { get; } = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
    {
        ["Clinical treatment"] = ["quality", "safety"],
        ["Prescribing errors"] = ["safety"],
        ["Consent"] = ["respect"],
        ["Patient care"] = ["quality"],
        ["End of life care"] = ["quality"],
        ["Communications"] = ["communication"],
        ["Staff"] = ["listening", "respect"],
        ["Values and behaviours"] = ["listening", "respect"],
        ["Privacy, dignity and wellbeing"] = ["respect"],
        ["Restraint"] = ["respect"],
        ["Appointments"] = ["institutionalProcesses"],
        ["Waiting times"] = ["institutionalProcesses"],
        ["Admissions, discharges and transfers"] = ["institutionalProcesses"],
        ["Access to treatment or drugs"] = ["institutionalProcesses"],
        ["Integrated care"] = ["institutionalProcesses"],
        ["Facilities services"] = ["environment"],
        ["Trust administration"] = ["environment"],
        ["Staff numbers"] = ["environment"],
        ["Mortuary and post-mortem arrangements"] = ["environment", "respect"],
    };

    /// <summary>The categories suggested by a complaint's subject areas, in HCAT's order.</summary>
    public static IReadOnlyList<string> Suggest(IEnumerable<string> subjectAreas)
    {
        var suggested = subjectAreas.SelectMany(s => SuggestionsBySubjectArea.TryGetValue(s, out var keys) ? keys : []).ToHashSet(StringComparer.Ordinal);
        return [.. CategoryKeys.Where(suggested.Contains)];
    }

    /// <summary>
    /// Checks a coding: a severity 0–3 for every category (an unnamed or unknown one is an error, so a typo is never
    /// coded as "not present"), a complaint with at least one problem and its harm, known stages of care.
    /// </summary>
    public static void Validate(CodingSubject subject, IReadOnlyDictionary<string, int>? severities, int? harm, IReadOnlyList<string>? stages)
    {
        var errors = new ValidationErrors();
        if (severities is null)
        {
            errors.Add("severities", $"Give a severity 0-3 for each category: {string.Join(", ", CategoryKeys)}.");
        }
        else
        {
            foreach (var key in severities.Keys.Where(k => !CategoryKeys.Contains(k, StringComparer.Ordinal)))
            {
                errors.Add($"severities.{key}", $"Not an HCAT category; the categories are {string.Join(", ", CategoryKeys)}.");
            }
            foreach (var key in CategoryKeys)
            {
                if (!severities.TryGetValue(key, out var level))
                {
                    errors.Add($"severities.{key}", "Give a severity 0-3 (0 when the problem is not present).");
                }
                else if (level is < 0 or > 3)
                {
                    errors.Add($"severities.{key}", "Severity is 0 (not present), 1 (low), 2 (medium) or 3 (high).");
                }
            }
            if (subject == CodingSubject.Complaint && errors.IsEmpty && severities.Values.All(v => v == 0))
            {
                errors.Add("severities", "A complaint raises at least one problem: code its severity above 0.");
            }
        }
        if (harm is null && subject == CodingSubject.Complaint)
        {
            errors.Add("harm", "Give the harm 0-5 (0 when there was none).");
        }
        else if (harm is < 0 or > 5)
        {
            errors.Add("harm", "Harm is 0 (none) to 5 (catastrophic).");
        }
        foreach (var (stage, i) in (stages ?? []).Select((s, i) => (s, i)))
        {
            if (!StagesOfCare.Contains(stage, StringComparer.Ordinal))
            {
                errors.Add($"stagesOfCare[{i}]", $"One of: {string.Join(", ", StagesOfCare)}.");
            }
        }
        errors.ThrowIfAny();
    }
}
