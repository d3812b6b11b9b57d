using System.Globalization;
using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.Journey;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Oversight;

/// <summary>
/// The self-assessments against the NHS Complaint Standards of every provider the ICB commissions, side by side for
/// a financial year (the current one unless chosen): each section's mean level and each expectation's level, by the
/// Standards' own names, and who has not submitted.
/// </summary>
public sealed class SelfAssessmentsModel(LearningOversightApis apis, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Year { get; set; }

    /// <summary>The financial years offered, newest first, by their first calendar year.</summary>
    public IReadOnlyList<int> Years { get; private set; } = [];

    public IReadOnlyList<ProviderAssessmentView> Submitted { get; private set; } = [];

    public IReadOnlyList<ProviderAssessmentView> NotSubmitted { get; private set; } = [];

    public StandardsView? Standards { get; private set; }

    public FormErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var current = today.Month >= 4 ? today.Year : today.Year - 1;
        Years = [.. Enumerable.Range(0, 4).Select(i => current - i)];
        Year = string.IsNullOrWhiteSpace(Year) ? current.ToString(CultureInfo.InvariantCulture) : Year.Trim();
        if (!int.TryParse(Year, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || !Years.Contains(year))
        {
            Errors.Add("year", "Choose a financial year from the list");
            return Page();
        }
        var assessments = await apis.ProviderAssessmentsAsync(year, ct);
        if (assessments.Refused)
        {
            return Forbid();
        }
        if (assessments.Problem is { } problem)
        {
            Errors.Add("year", problem.Detail ?? problem.Title ?? "The self-assessments cannot be shown for this year.");
            return Page();
        }
        var all = assessments.Value?.Items ?? [];
        Submitted = [.. all.Where(a => a.Status == "Submitted").OrderBy(a => a.OrganisationCode, StringComparer.Ordinal)];
        NotSubmitted = [.. all.Where(a => a.Status != "Submitted").OrderBy(a => a.OrganisationCode, StringComparer.Ordinal)];
        Standards = (await apis.StandardsAsync(ct)).Value;
        return Page();
    }

    /// <summary>A mean level to one place, "2.8".</summary>
    public static string Mean(double? mean) => mean is { } m ? m.ToString("0.0", CultureInfo.InvariantCulture) : "";

    /// <summary>The financial year in words: 2025 is "2025/26".</summary>
    public static string FinancialYear(int year) => ReturnsModel.FinancialYear(year);
}
