using System.Globalization;
using System.Text;

namespace IcsComplaints.Reporting.Domain.Returns;

/// <summary>One line of a return: a section, the site, the item and the count.</summary>
/// <param name="Section">Summary, Age, ComplainantStatus, ServiceArea, ClinicalSubCategory, SubjectArea, Profession.</param>
/// <param name="Site">Site ODS code (the organisation's own code where no site was coded).</param>
/// <param name="Item">The category, or the summary item.</param>
/// <param name="Count">Complaints.</param>
public sealed record ReturnLine(string Section, string Site, string Item, int Count);

/// <summary>A validation rule's result.</summary>
/// <param name="Rule">The rule, as the collection states it.</param>
/// <param name="Site">The site it was checked for, or <c>*</c> for the organisation.</param>
/// <param name="Passed">Whether it held.</param>
/// <param name="Detail">The figures compared.</param>
public sealed record ValidationResult(string Rule, string Site, bool Passed, string Detail);

/// <summary>A KO41a or KO41b return for one organisation and financial year.</summary>
/// <param name="Collection">KO41a (hospital and community health services) or KO41b (primary care, and an ICB's own collection).</param>
/// <param name="OrganisationCode">ODS code.</param>
/// <param name="Period">The financial year.</param>
/// <param name="BroughtForward">Open at the start of the year.</param>
/// <param name="New">Received in the year.</param>
/// <param name="Resolved">Resolved in the year, by outcome.</param>
/// <param name="ClosedWithoutResolution">Closed in the year without a final response (withdrawn, declined).</param>
/// <param name="CarriedForward">Open at the end of the year.</param>
/// <param name="Lines">Every line, site by site.</param>
/// <param name="Validation">The collection's checks.</param>
/// <param name="Valid">True when every check holds: only then is it exported.</param>
public sealed record Ko41Return(
    string Collection, string OrganisationCode, string Period, int BroughtForward, int New, IReadOnlyDictionary<string, int> Resolved, int ClosedWithoutResolution,
    int CarriedForward, IReadOnlyList<ReturnLine> Lines, IReadOnlyList<ValidationResult> Validation, bool Valid)
{
    /// <summary>The return as CSV: collection, organisation, period, section, site, item, count.</summary>
    public string ToCsv()
    {
        var csv = new StringBuilder("collection,organisation,period,section,site,item,count\n");
        foreach (var line in Lines)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{Collection},{OrganisationCode},{Period},{line.Section},{line.Site},{Quote(line.Item)},{line.Count}\n");
        }
        return csv.ToString();
    }

    /// <summary>The name the CSV is downloaded under.</summary>
    public string FileName => $"{Collection}-{OrganisationCode}-{Period.Replace('/', '-')}.csv";

    private static string Quote(string value) => value.Contains(',', StringComparison.Ordinal) || value.Contains('"', StringComparison.Ordinal)
        ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}

/// <summary>A complaint as the KO41 return counts it: its dates, outcome, site and coding.</summary>
/// <param name="ReceivedOn">Received.</param>
/// <param name="ResponseSentOn">First final response sent.</param>
/// <param name="ClosedOn">Closed.</param>
/// <param name="Outcome">KO41a outcome of the first response.</param>
/// <param name="SiteOdsCode">Site coded.</param>
/// <param name="AgeBand">Age of the patient.</param>
/// <param name="ComplainantStatus">Status of the complainant.</param>
/// <param name="ServiceArea">Service area.</param>
/// <param name="Subjects">Subject areas.</param>
/// <param name="Professions">Professions.</param>
/// <param name="ClinicalSubCategories">Clinical treatment sub-categories.</param>
public sealed record Ko41Case(
    DateOnly ReceivedOn, DateOnly? ResponseSentOn, DateOnly? ClosedOn, string? Outcome, string? SiteOdsCode, string? AgeBand, string? ComplainantStatus,
    string? ServiceArea, IReadOnlyList<string> Subjects, IReadOnlyList<string> Professions, IReadOnlyList<string> ClinicalSubCategories);
