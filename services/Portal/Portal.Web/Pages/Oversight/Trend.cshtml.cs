using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.Journey;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Oversight;

/// <summary>
/// A measure month by month over the last twelve months, for one provider the ICB commissions or for all of them
/// together, as the commissioner chooses: reporting's chart, inline, and its figures as a table.
/// </summary>
public sealed class TrendModel(ReportingApis apis) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Measure { get; set; }

    /// <summary>The provider chosen; all the ICB's providers together when none is.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Organisation { get; set; }

    public string Key { get; private set; } = "received";

    /// <summary>The providers the ICB commissions, to choose from.</summary>
    public IReadOnlyList<string> Providers { get; private set; } = [];

    public IReadOnlyList<TrendPointView> Points { get; private set; } = [];

    public IHtmlContent? Chart { get; private set; }

    public FormErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Key = string.IsNullOrWhiteSpace(Measure) ? Key : Measure;
        Organisation = string.IsNullOrWhiteSpace(Organisation) ? null : Organisation.Trim().ToUpperInvariant();
        var providers = await apis.OverdueAsync(ct);
        if (providers.Refused)
        {
            return Forbid();
        }
        Providers = [.. (providers.Value?.Items ?? []).Select(p => p.OrganisationCode)];
        var trend = await apis.TrendAsync(Key, Organisation, ct);
        if (trend.Refused)
        {
            return Forbid();
        }
        // Another ICB's provider answers 404, as if it did not exist.
        if (trend.NotFound)
        {
            return NotFound();
        }
        if (trend.Problem is { } problem)
        {
            Errors.AddFrom(problem, [("measure", "measure"), ("organisation", "organisation")]);
            if (!Errors.Any)
            {
                Errors.Add("measure", problem.Detail ?? problem.Title ?? "This trend cannot be shown.");
            }
            return Page();
        }
        Points = trend.Value?.Items ?? [];
        Chart = SvgChart.Inline(await apis.TrendChartAsync(Key, Organisation, ct));
        return Page();
    }
}
