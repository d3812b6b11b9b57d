using System.Globalization;
using System.Text;
using IcsComplaints.Reporting.Api.Data;
using IcsComplaints.Reporting.Api.Measures;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.Reporting.Api.Returns;

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

    private static string Quote(string value) => value.Contains(',', StringComparison.Ordinal) || value.Contains('"', StringComparison.Ordinal)
        ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}

/// <summary>
/// Builds KO41 returns from the read model with the collection's counting rules (domain.md §3.2): a complaint is
/// counted once, by the organisation that dealt with it (so not by one that transferred it on), at one site; several
/// subjects, service areas or professions are each recorded, so those totals may exceed the new complaints; the
/// breakdowns cover new complaints only; clinical sub-categories only for complaints with a clinical treatment
/// subject. The checks are the form's: age and status add up to the new complaints, subject and profession at least
/// to them, resolved no more than brought forward plus new, and the year's movements balance.
/// </summary>
public sealed class Ko41Returns(ReportingDbContext db)
{
    private const string Clinical = "Clinical treatment";

    /// <summary>Builds the return.</summary>
    public async Task<Ko41Return> BuildAsync(string organisationCode, string collection, ReportingPeriod year, CancellationToken ct)
    {
        var cases = await db.Cases.AsNoTracking()
            .Where(c => c.OrganisationCode == organisationCode && c.ReceivedOn != null && c.ReceivedOn <= year.To
                && (c.Closure == null || !MeasureDefinitions.NotCounted.Contains(c.Closure))
                // Anything still open, or resolved or closed in or after the year, matters; older history does not.
                && ((c.ResponseSentOn == null && c.ClosedOn == null) || c.ResponseSentOn >= year.From || c.ClosedOn >= year.From))
            .Select(c => new Row(
                c.ReceivedOn!.Value, c.ResponseSentOn, c.ClosedOn, c.Outcome, c.SiteOdsCode, c.AgeBand, c.ComplainantStatus, c.ServiceArea,
                c.Subjects, c.Professions, c.ClinicalSubCategories))
            .ToListAsync(ct);
        static bool OpenOn(Row c, DateOnly day) => c.ReceivedOn < day && (c.ResponseSentOn is null || c.ResponseSentOn >= day) && (c.ClosedOn is null || c.ClosedOn >= day);
        var broughtForward = cases.Where(c => OpenOn(c, year.From)).ToList();
        var fresh = cases.Where(c => year.Contains(c.ReceivedOn)).ToList();
        var resolved = cases.Where(c => year.Contains(c.ResponseSentOn) && c.Outcome is not null).ToList();
        var closedUnresolved = cases.Where(c => c.ResponseSentOn is null && year.Contains(c.ClosedOn)).Count();
        var carried = cases.Count(c => OpenOn(c, year.To.AddDays(1)));
        var outcomes = MeasureDefinitions.Outcomes.ToDictionary(o => o, o => resolved.Count(c => c.Outcome == o), StringComparer.Ordinal);

        string Site(Row c) => string.IsNullOrEmpty(c.SiteOdsCode) ? organisationCode : c.SiteOdsCode;
        var lines = new List<ReturnLine>
        {
            new("Summary", organisationCode, "BroughtForward", broughtForward.Count),
            new("Summary", organisationCode, "New", fresh.Count),
            new("Summary", organisationCode, "ResolvedUpheld", outcomes["Upheld"]),
            new("Summary", organisationCode, "ResolvedPartiallyUpheld", outcomes["PartiallyUpheld"]),
            new("Summary", organisationCode, "ResolvedNotUpheld", outcomes["NotUpheld"]),
            new("Summary", organisationCode, "ClosedWithoutResolution", closedUnresolved),
            new("Summary", organisationCode, "CarriedForward", carried),
        };
        var validation = new List<ValidationResult>();
        var sites = fresh.GroupBy(Site).OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var site in sites)
        {
            var siteCases = site.ToList();
            lines.Add(new("Site", site.Key, "New", siteCases.Count));
            AddBreakdown(lines, "Age", site.Key, siteCases.Select(c => c.AgeBand).OfType<string>());
            AddBreakdown(lines, "ComplainantStatus", site.Key, siteCases.Select(c => c.ComplainantStatus).OfType<string>());
            AddBreakdown(lines, "ServiceArea", site.Key, siteCases.Select(c => c.ServiceArea).OfType<string>());
            AddBreakdown(lines, "SubjectArea", site.Key, siteCases.SelectMany(c => c.Subjects));
            AddBreakdown(lines, "ClinicalSubCategory", site.Key, siteCases.Where(c => c.Subjects.Contains(Clinical)).SelectMany(c => c.ClinicalSubCategories));
            AddBreakdown(lines, "Profession", site.Key, siteCases.SelectMany(c => c.Professions.Distinct()));

            var uncoded = siteCases.Count(c => c.AgeBand is null);
            validation.Add(new("Every new complaint is coded (KO41 sections 3-8)", site.Key, uncoded == 0, $"{uncoded} of {siteCases.Count} not coded"));
            var ages = siteCases.Count(c => c.AgeBand is not null);
            validation.Add(new("Age of patient adds up to the new complaints", site.Key, ages == siteCases.Count, $"{ages} = {siteCases.Count}"));
            var statuses = siteCases.Count(c => c.ComplainantStatus is not null);
            validation.Add(new("Status of complainant adds up to the new complaints", site.Key, statuses == siteCases.Count, $"{statuses} = {siteCases.Count}"));
            var subjects = siteCases.Sum(c => c.Subjects.Count);
            validation.Add(new("Subject areas are at least the new complaints", site.Key, subjects >= siteCases.Count, $"{subjects} >= {siteCases.Count}"));
            var professions = siteCases.Sum(c => c.Professions.Distinct().Count());
            validation.Add(new("Professions are at least the new complaints", site.Key, professions >= siteCases.Count, $"{professions} >= {siteCases.Count}"));
            var services = siteCases.Count(c => c.ServiceArea is not null);
            validation.Add(new("Service areas are at least the new complaints", site.Key, services >= siteCases.Count, $"{services} >= {siteCases.Count}"));
            var strayClinical = siteCases.Count(c => !c.Subjects.Contains(Clinical) && c.ClinicalSubCategories.Count > 0);
            validation.Add(new("Clinical sub-categories only for clinical treatment complaints", site.Key, strayClinical == 0, $"{strayClinical} complaints with sub-categories but no clinical treatment subject"));
        }
        var totalResolved = outcomes.Values.Sum();
        validation.Add(new("Upheld + partially upheld + not upheld <= brought forward + new", "*", totalResolved <= broughtForward.Count + fresh.Count,
            $"{totalResolved} <= {broughtForward.Count + fresh.Count}"));
        var balance = broughtForward.Count + fresh.Count - totalResolved - closedUnresolved;
        validation.Add(new("Brought forward + new - resolved - closed = carried forward", "*", balance == carried, $"{balance} = {carried}"));
        return new Ko41Return(
            collection, organisationCode, year.Label, broughtForward.Count, fresh.Count, outcomes, closedUnresolved, carried, lines, validation, validation.All(v => v.Passed));
    }

    /// <summary>Which collection an organisation of a directory type returns: primary care and ICBs KO41b, everyone else KO41a.</summary>
    public static string CollectionFor(string? organisationType) =>
        organisationType is "gp-practice" or "dental-practice" or "icb" ? "KO41b" : "KO41a";

    private static void AddBreakdown(List<ReturnLine> lines, string section, string site, IEnumerable<string> values) =>
        lines.AddRange(values.GroupBy(v => v, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new ReturnLine(section, site, g.Key, g.Count())));

    private sealed record Row(
        DateOnly ReceivedOn, DateOnly? ResponseSentOn, DateOnly? ClosedOn, string? Outcome, string? SiteOdsCode, string? AgeBand, string? ComplainantStatus,
        string? ServiceArea, List<string> Subjects, List<string> Professions, List<string> ClinicalSubCategories);
}

/// <summary>
/// What Reg 18 asks an annual report to give. The report is published, so its counts are under the small-numbers
/// rule (<see cref="Publication.AnnualReport"/>): a withheld count is <c>null</c>.
/// </summary>
/// <param name="OrganisationCode">ODS code.</param>
/// <param name="Period">Financial year.</param>
/// <param name="Received">Complaints received (Reg 18(2)(a)).</param>
/// <param name="DecidedWellFounded">Decided to be well-founded: upheld or partially upheld (Reg 18(2)(b)).</param>
/// <param name="ReferredToOmbudsman">Complainants known to have gone to the Ombudsman (Reg 18(2)(c)).</param>
/// <param name="SubjectMatter">Subject matter of the complaints received (Reg 18(2)(d)), by KO41 subject area: complaints about each (a complaint once under each of its subjects).</param>
/// <param name="MattersOfGeneralImportance">Themes detected for the organisation during the year (Reg 18(2)(d)).</param>
/// <param name="ActionsRaised">Learning actions raised in the year (Reg 18(2)(e): action taken to improve services).</param>
/// <param name="ActionsCompleted">Learning actions completed in the year.</param>
/// <param name="ActionsPublished">Of those, published as "you said, we did".</param>
/// <param name="Measures">The year's measures, for the rest of the report.</param>
/// <param name="Suppressed">True when any count is withheld under the small-numbers rule.</param>
public sealed record AnnualReport(
    string OrganisationCode, string Period, int? Received, int? DecidedWellFounded, int? ReferredToOmbudsman, IReadOnlyDictionary<string, int?> SubjectMatter,
    IReadOnlyList<string> MattersOfGeneralImportance, int ActionsRaised, int ActionsCompleted, int ActionsPublished, MeasureSet Measures, bool Suppressed = false);

/// <summary>Builds the annual report data (Reg 18).</summary>
public sealed class AnnualReports(ReportingDbContext db, MeasureQueries measures)
{
    /// <summary>The report for an organisation and financial year, ready to publish.</summary>
    public async Task<AnnualReport> BuildAsync(string organisationCode, ReportingPeriod year, CancellationToken ct)
    {
        var set = (await measures.ComputeAsync([organisationCode], year, null, ct)).Single();
        var subjects = await db.Cases.AsNoTracking()
            .Where(c => c.OrganisationCode == organisationCode && c.ReceivedOn >= year.From && c.ReceivedOn <= year.To
                && (c.Closure == null || !MeasureDefinitions.NotCounted.Contains(c.Closure)))
            .Select(c => c.Subjects).ToListAsync(ct);
        var firstMonth = new DateOnly(year.From.Year, year.From.Month, 1);
        var themes = await db.Themes.AsNoTracking()
            .Where(t => t.OrganisationCode == organisationCode && t.Month >= firstMonth && t.Month <= year.To)
            .OrderBy(t => t.Month).Select(t => new { t.Dimension, t.Code, t.Month, t.Shared }).ToListAsync(ct);
        var actions = await db.Actions.AsNoTracking().Where(a => a.OrganisationCode == organisationCode).ToListAsync(ct);
        return Publication.AnnualReport(new AnnualReport(
            organisationCode, year.Label, set.Received, set.UpheldOrPartly.Numerator, set.ReferredToOmbudsman,
            subjects.SelectMany(s => s.Distinct()).GroupBy(s => s, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (int?)g.Count(), StringComparer.Ordinal),
            [.. themes.Select(t => $"{t.Month:yyyy-MM}: {t.Code} ({(t.Dimension == "HcatCategory" ? "HCAT category" : "subject area")}){(t.Shared ? ", shared by the ICB" : "")}")],
            actions.Count(a => year.Contains(a.RaisedOn)), actions.Count(a => year.Contains(a.CompletedOn)), actions.Count(a => year.Contains(a.CompletedOn) && a.Published),
            set));
    }
}
