// Ko41Counting: which collection an organisation returns and how its complaints are counted in it, once each, by the organisation that dealt with them, at one site (domain.md §3.1, §3.2; KO41a guidance).
using IcsComplaints.Reporting.Domain.Measures;
using IcsComplaints.Reporting.Domain.Returns;

namespace IcsComplaints.Reporting.Domain.Rules;

/// <summary>
/// The KO41 collections' counting rules (domain.md §3.2): a complaint is counted once, by the organisation that dealt
/// with it (so not by one that transferred it on, nor as a duplicate linked to another, nor when excluded under
/// Reg 8), at one site; several subjects, service areas or professions are each recorded, so those totals may exceed
/// the new complaints; the breakdowns cover new complaints only; clinical sub-categories only for complaints with a
/// clinical treatment subject. The return is checked by <see cref="Ko41Checks"/>.
/// </summary>
public static class Ko41Counting
{
    /// <summary>Closures that mean the organisation did not deal with the complaint: not counted, here or in any measure.</summary>
    public static readonly string[] NotCounted = ["Transferred", "Linked", "Excluded"];

    /// <summary>The subject area whose complaints are broken down into clinical sub-categories.</summary>
    public const string ClinicalTreatment = "Clinical treatment";

    /// <summary>
    /// Which collection an organisation of a directory type returns (domain.md §3.1): primary care (GP and dental
    /// practices) and ICBs, for complaints made to them directly, KO41b; everyone else KO41a.
    /// </summary>
    public static string CollectionFor(string? organisationType) =>
        organisationType is "gp-practice" or "dental-practice" or "icb" ? "KO41b" : "KO41a";

    /// <summary>True when the complaint was open at the start of the day: received before it, neither resolved nor closed before it.</summary>
    public static bool OpenOn(Ko41Case c, DateOnly day) =>
        c.ReceivedOn < day && (c.ResponseSentOn is null || c.ResponseSentOn >= day) && (c.ClosedOn is null || c.ClosedOn >= day);

    /// <summary>
    /// The return for an organisation and financial year, from its countable complaints that were open at some time
    /// in or after the year, with the collection's checks.
    /// </summary>
    public static Ko41Return Count(string organisationCode, string collection, ReportingPeriod year, IReadOnlyList<Ko41Case> cases)
    {
        var broughtForward = cases.Count(c => OpenOn(c, year.From));
        var fresh = cases.Where(c => year.Contains(c.ReceivedOn)).ToList();
        var resolved = cases.Where(c => year.Contains(c.ResponseSentOn) && c.Outcome is not null).ToList();
        var closedUnresolved = cases.Count(c => c.ResponseSentOn is null && year.Contains(c.ClosedOn));
        var carried = cases.Count(c => OpenOn(c, year.To.AddDays(1)));
        var outcomes = MeasureDefinitions.Outcomes.ToDictionary(o => o, o => resolved.Count(c => c.Outcome == o), StringComparer.Ordinal);

        // A complaint not coded to a site is counted at the organisation's own code: never at several sites.
        string Site(Ko41Case c) => string.IsNullOrEmpty(c.SiteOdsCode) ? organisationCode : c.SiteOdsCode;
        var lines = new List<ReturnLine>
        {
            new("Summary", organisationCode, "BroughtForward", broughtForward),
            new("Summary", organisationCode, "New", fresh.Count),
            new("Summary", organisationCode, "ResolvedUpheld", outcomes[MeasureDefinitions.Upheld]),
            new("Summary", organisationCode, "ResolvedPartiallyUpheld", outcomes[MeasureDefinitions.PartiallyUpheld]),
            new("Summary", organisationCode, "ResolvedNotUpheld", outcomes["NotUpheld"]),
            new("Summary", organisationCode, "ClosedWithoutResolution", closedUnresolved),
            new("Summary", organisationCode, "CarriedForward", carried),
        };
        var validation = new List<ValidationResult>();
        foreach (var site in fresh.GroupBy(Site).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var siteCases = site.ToList();
            lines.Add(new("Site", site.Key, "New", siteCases.Count));
            AddBreakdown(lines, "Age", site.Key, siteCases.Select(c => c.AgeBand).OfType<string>());
            AddBreakdown(lines, "ComplainantStatus", site.Key, siteCases.Select(c => c.ComplainantStatus).OfType<string>());
            AddBreakdown(lines, "ServiceArea", site.Key, siteCases.Select(c => c.ServiceArea).OfType<string>());
            AddBreakdown(lines, "SubjectArea", site.Key, siteCases.SelectMany(c => c.Subjects));
            AddBreakdown(lines, "ClinicalSubCategory", site.Key, siteCases.Where(c => c.Subjects.Contains(ClinicalTreatment)).SelectMany(c => c.ClinicalSubCategories));
            // A complaint about one profession counts once under it, whatever else it is about.
            AddBreakdown(lines, "Profession", site.Key, siteCases.SelectMany(c => c.Professions.Distinct()));
            validation.AddRange(Ko41Checks.OfSite(site.Key, siteCases));
        }
        validation.AddRange(Ko41Checks.OfYear(broughtForward, fresh.Count, outcomes.Values.Sum(), closedUnresolved, carried));
        return new Ko41Return(
            collection, organisationCode, year.Label, broughtForward, fresh.Count, outcomes, closedUnresolved, carried, lines, validation, validation.All(v => v.Passed));
    }

    private static void AddBreakdown(List<ReturnLine> lines, string section, string site, IEnumerable<string> values) =>
        lines.AddRange(values.GroupBy(v => v, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new ReturnLine(section, site, g.Key, g.Count())));
}
