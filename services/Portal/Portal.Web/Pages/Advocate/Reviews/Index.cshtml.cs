using IcsComplaints.Portal.Web.Clients;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Advocate.Reviews;

/// <summary>The drafts an advocacy service has been asked to review, open ones first, with the last day to comment.</summary>
[Authorize]
public sealed class IndexModel(CaseApis apis) : PageModel
{
    /// <summary>What the advocate just did, for the banner.</summary>
    [FromQuery(Name = "done")]
    public string? Done { get; set; }

    public IReadOnlyList<AdvocacyReview> Open { get; private set; } = [];

    public IReadOnlyList<AdvocacyReview> Finished { get; private set; } = [];

    public string? Banner => Done switch
    {
        "approved" => "You approved the draft",
        "changes" => "You asked for changes to the draft",
        _ => null,
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var listed = await apis.ReviewsAsync(null, ct);
        if (listed.Refused)
        {
            return Forbid();
        }
        var reviews = listed.Value?.Items ?? [];
        Open = [.. reviews.Where(r => r.Status == "Open").OrderBy(r => r.WindowEndsOn)];
        Finished = [.. reviews.Where(r => r.Status != "Open")];
        return Page();
    }
}
