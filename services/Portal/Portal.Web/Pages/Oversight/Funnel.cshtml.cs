using IcsComplaints.Portal.Web.Clients;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;

namespace IcsComplaints.Portal.Web.Pages.Oversight;

/// <summary>
/// One rate's funnel plot for the months chosen: reporting's own chart, inline, and the same figures as a table
/// beside it (the chart's description and the table are what a screen reader or a printout in grey relies on).
/// </summary>
public sealed class FunnelModel(ReportingApis apis, TimeProvider time) : MonthsPage(time)
{
    [BindProperty(SupportsGet = true)]
    public string? Measure { get; set; }

    public string Rate { get; private set; } = "acknowledgedInTime";

    public FunnelView? Funnel { get; private set; }

    public IHtmlContent? Chart { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Rate = string.IsNullOrWhiteSpace(Measure) ? Rate : Measure;
        ReadPeriod();
        var funnel = await apis.FunnelAsync(Rate, Period.From, Period.To, ct);
        if (funnel.Refused)
        {
            return Forbid();
        }
        if (funnel.Problem is { } problem)
        {
            OversightPeriod.AddErrors(Errors, problem);
            if (problem.Errors.ContainsKey("measure") || !Errors.Any)
            {
                return NotFound();
            }
            return Page();
        }
        Funnel = funnel.Value;
        Chart = SvgChart.Inline(await apis.FunnelChartAsync(Rate, Period.From, Period.To, ct));
        return Page();
    }
}
