using IcsComplaints.Portal.Web.Clients;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Staff.Quality;

/// <summary>
/// The quality lead's page: complaints of the organisation waiting for a second, blind coding (those the user did not
/// code first: learning's calibration queue), and the way to calibration results, learning actions and "you said, we did".
/// </summary>
public sealed class IndexModel(LearningApis apis) : PageModel
{
    public IReadOnlyList<SecondCodingItem> Queue { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var queue = await apis.CalibrationQueueAsync(ct);
        if (queue.Refused)
        {
            return Forbid();
        }
        Queue = queue.Value?.Items ?? [];
        return Page();
    }
}
