using IcsComplaints.Portal.Web.Clients;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Staff.Quality.Responses;

/// <summary>
/// The quality lead's sample of the final responses the organisation sent: how the letters read so far did, criterion
/// by criterion (as its ICB sees it), the letters waiting to be read, and those read with their scores.
/// </summary>
public sealed class IndexModel(ResponseReviewApis apis) : PageModel
{
    public ResponseQualityView? Quality { get; private set; }

    public IReadOnlyList<ResponseCriterion> Criteria { get; private set; } = [];

    public IReadOnlyList<ResponseReview> Waiting { get; private set; } = [];

    public IReadOnlyList<ResponseReview> Read { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var reviews = await apis.ListAsync(ct);
        var quality = await apis.QualityAsync(ct);
        var criteria = await apis.CriteriaAsync(ct);
        if (reviews.Refused || quality.Refused || criteria.Refused)
        {
            return Forbid();
        }
        Quality = quality.Value;
        Criteria = criteria.Value?.Items ?? [];
        var all = reviews.Value?.Items ?? [];
        Waiting = [.. all.Where(r => r.ReviewedOn is null)];
        Read = [.. all.Where(r => r.ReviewedOn is not null)];
        return Page();
    }
}
