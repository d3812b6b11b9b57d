using IcsComplaints.Portal.Web.Clients;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Staff.Quality.Actions;

/// <summary>
/// The organisation's learning actions: those proposed from final responses, to take on or cancel; open ones to
/// complete or cancel; and those already closed.
/// </summary>
public sealed class IndexModel(LearningApis apis) : PageModel
{
    public IReadOnlyList<LearningAction> Proposed { get; private set; } = [];

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
        Proposed = [.. all.Where(a => a.Status == "Proposed").OrderBy(a => a.DueOn)];
        Open = [.. all.Where(a => a.Status == "Open").OrderBy(a => a.DueOn)];
        Closed = [.. all.Where(a => a.Status is not ("Open" or "Proposed")).OrderByDescending(a => a.ClosedOn)];
        return Page();
    }
}
