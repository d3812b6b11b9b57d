using IcsComplaints.Calendar;
using IcsComplaints.Portal.Web.Clients;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Staff.Concerns;

/// <summary>The organisation's open concerns, the soonest follow-up first, those whose follow-up day has passed marked.</summary>
public sealed class IndexModel(ConcernApis apis, TimeProvider time) : PageModel
{
    public IReadOnlyList<Concern> Open { get; private set; } = [];

    /// <summary>Today in England, the day intake judges follow-up days by.</summary>
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var listed = await apis.OpenAsync(ct);
        if (listed.Refused)
        {
            return Forbid();
        }
        Open = listed.Value?.Items ?? [];
        Today = LondonTime.Today(time);
        return Page();
    }
}
