using IcsComplaints.Portal.Web.Clients;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Oversight;

/// <summary>What is overdue now at each provider the ICB commissions, in real counts (operational oversight, not publication).</summary>
public sealed class OverdueModel(ReportingApis apis) : PageModel
{
    public IReadOnlyList<OverdueSummaryView> Providers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var overdue = await apis.OverdueAsync(ct);
        if (overdue.Refused)
        {
            return Forbid();
        }
        Providers = overdue.Value?.Items ?? [];
        return Page();
    }
}
