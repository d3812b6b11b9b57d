// Ko41Checks: the KO41a/KO41b form's validation: age and status add up to the new complaints, subject and profession at least to them, resolved no more than brought forward plus new (domain.md §3.2).
using IcsComplaints.Reporting.Domain.Returns;

namespace IcsComplaints.Reporting.Domain.Rules;

/// <summary>
/// The checks a KO41 return must pass before it is exported (domain.md §3.2, the KO41b form's validation, applied to
/// both collections): every new complaint coded; age of patient and status of complainant add up to the new
/// complaints; subject areas, professions and service areas at least to them; clinical sub-categories only for
/// clinical treatment complaints; resolved no more than brought forward plus new; and the year's movements balance.
/// </summary>
public static class Ko41Checks
{
    /// <summary>The checks of one site's new complaints.</summary>
    public static IEnumerable<ValidationResult> OfSite(string site, IReadOnlyList<Ko41Case> fresh)
    {
        var uncoded = fresh.Count(c => c.AgeBand is null);
        yield return new("Every new complaint is coded (KO41 sections 3-8)", site, uncoded == 0, $"{uncoded} of {fresh.Count} not coded");
        var ages = fresh.Count(c => c.AgeBand is not null);
        yield return new("Age of patient adds up to the new complaints", site, ages == fresh.Count, $"{ages} = {fresh.Count}");
        var statuses = fresh.Count(c => c.ComplainantStatus is not null);
        yield return new("Status of complainant adds up to the new complaints", site, statuses == fresh.Count, $"{statuses} = {fresh.Count}");
        var subjects = fresh.Sum(c => c.Subjects.Count);
        yield return new("Subject areas are at least the new complaints", site, subjects >= fresh.Count, $"{subjects} >= {fresh.Count}");
        var professions = fresh.Sum(c => c.Professions.Distinct().Count());
        yield return new("Professions are at least the new complaints", site, professions >= fresh.Count, $"{professions} >= {fresh.Count}");
        var services = fresh.Count(c => c.ServiceArea is not null);
        yield return new("Service areas are at least the new complaints", site, services >= fresh.Count, $"{services} >= {fresh.Count}");
        var strayClinical = fresh.Count(c => !c.Subjects.Contains(Ko41Counting.ClinicalTreatment) && c.ClinicalSubCategories.Count > 0);
        yield return new("Clinical sub-categories only for clinical treatment complaints", site, strayClinical == 0,
            $"{strayClinical} complaints with sub-categories but no clinical treatment subject");
    }

    /// <summary>The checks of the organisation's summary for the year.</summary>
    public static IEnumerable<ValidationResult> OfYear(int broughtForward, int fresh, int resolved, int closedUnresolved, int carriedForward)
    {
        yield return new("Upheld + partially upheld + not upheld <= brought forward + new", "*", resolved <= broughtForward + fresh, $"{resolved} <= {broughtForward + fresh}");
        var balance = broughtForward + fresh - resolved - closedUnresolved;
        yield return new("Brought forward + new - resolved - closed = carried forward", "*", balance == carriedForward, $"{balance} = {carriedForward}");
    }
}
