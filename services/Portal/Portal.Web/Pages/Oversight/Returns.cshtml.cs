using System.Globalization;
using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.Journey;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Oversight;

/// <summary>
/// A provider's KO41 return for a financial year: reporting's checks first, then the CSV to download once they all
/// hold (reporting refuses the file until then).
/// </summary>
public sealed class ReturnsModel(ReportingApis apis, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Organisation { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Year { get; set; }

    public IReadOnlyList<string> Providers { get; private set; } = [];

    /// <summary>The financial years offered, newest first, by their first calendar year.</summary>
    public IReadOnlyList<int> Years { get; private set; } = [];

    public Ko41ReturnView? Return { get; private set; }

    public FormErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var providers = await apis.OverdueAsync(ct);
        if (providers.Refused)
        {
            return Forbid();
        }
        Providers = [.. (providers.Value?.Items ?? []).Select(p => p.OrganisationCode)];
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var current = today.Month >= 4 ? today.Year : today.Year - 1;
        Years = [.. Enumerable.Range(0, 6).Select(i => current - i)];
        Year ??= (current - 1).ToString(CultureInfo.InvariantCulture);
        if (string.IsNullOrWhiteSpace(Organisation))
        {
            return Page();
        }
        var built = await apis.Ko41Async(Organisation, Year, ct);
        if (built.Problem is { } problem)
        {
            Errors.AddFrom(problem, [("organisation", "organisation"), ("year", "year")]);
            if (!Errors.Any)
            {
                Errors.Add("organisation", problem.Status == 404 ? "Choose a provider your ICB commissions" : problem.Detail ?? problem.Title ?? "The return cannot be made.");
            }
        }
        Return = built.Value;
        return Page();
    }

    /// <summary>The financial year in words: 2025 is "2025/26".</summary>
    public static string FinancialYear(int year) => string.Create(CultureInfo.InvariantCulture, $"{year}/{(year + 1) % 100:00}");
}
