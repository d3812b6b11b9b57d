using IcsComplaints.Portal.Web.Clients;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Staff.Quality.Actions;

/// <summary>The organisation's learning actions: open ones to complete or cancel, and those already closed.</summary>
public sealed class IndexModel(LearningApis apis) : PageModel
{
    public IReadOnlyList<LearningAction> Open { get; private set; } = [];

    public IReadOnlyList<LearningAction> Closed { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var listed = await apis.ActionsAsync(null, ct);
        if (listed.Refused)
        {
            return Forbid();
        }
        var all = listed.Value?.Items ?? [];
        Open = [.. all.Where(a => a.Status == "Open").OrderBy(a => a.DueOn)];
        Closed = [.. all.Where(a => a.Status != "Open").OrderByDescending(a => a.ClosedOn)];
        return Page();
    }
}
