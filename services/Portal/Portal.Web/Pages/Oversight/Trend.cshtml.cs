using IcsComplaints.Portal.Web.Clients;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Oversight;

/// <summary>A measure month by month over the last twelve months, for the ICB's providers together: reporting's chart, inline, and its figures as a table.</summary>
public sealed class TrendModel(ReportingApis apis) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Measure { get; set; }

    public string Key { get; private set; } = "received";

    public IReadOnlyList<TrendPointView> Points { get; private set; } = [];

    public IHtmlContent? Chart { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Key = string.IsNullOrWhiteSpace(Measure) ? Key : Measure;
        var trend = await apis.TrendAsync(Key, ct);
        if (trend.Problem is { Status: 401 or 403 })
        {
            return Forbid();
        }
        if (trend.Problem is not null)
        {
            return NotFound();
        }
        Points = trend.Value?.Items ?? [];
        Chart = SvgChart.Inline(await apis.TrendChartAsync(Key, ct));
        return Page();
    }
}
