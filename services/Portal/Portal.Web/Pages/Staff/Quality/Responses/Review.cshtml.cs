using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.Journey;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Staff.Quality.Responses;

/// <summary>
/// One sampled final response: a link to the letter as it was sent, and the quality lead's rating of it on each
/// criterion with what the organisation should learn from it. Read again, the rating can be changed.
/// </summary>
public sealed class ReviewModel(ResponseReviewApis apis) : PageModel
{
    public ResponseReview? Review { get; private set; }

    public IReadOnlyList<ResponseCriterion> Criteria { get; private set; } = [];

    [BindProperty] public Dictionary<string, string?> Ratings { get; set; } = new(StringComparer.Ordinal);
    [BindProperty] public string? Comments { get; set; }

    public FormErrors Errors { get; } = new();

    /// <summary>The id of the radios of a criterion.</summary>
    public static string InputId(string criterion) => "rating-" + criterion;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } instead)
        {
            return instead;
        }
        Ratings = Review!.Ratings.ToDictionary(r => r.Criterion, r => (string?)r.Rating, StringComparer.Ordinal);
        Comments = Review.Comments;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var rated = await apis.RateAsync(id, Ratings, Comments, ct);
        if (rated.Refused)
        {
            return Forbid();
        }
        if (rated.NotFound)
        {
            return NotFound();
        }
        if (rated.Problem is { } problem)
        {
            if (await LoadAsync(id, ct) is { } instead)
            {
                return instead;
            }
            Errors.AddFrom(problem, [.. Criteria.Select(c => ($"ratings.{c.Key}", InputId(c.Key))), ("comments", "comments")]);
            if (!Errors.Any)
            {
                Errors.AddAllTo(InputId(Criteria[0].Key), problem, "The rating could not be saved. Try again.");
            }
            return Page();
        }
        return Redirect("/staff/quality/responses");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var review = await apis.GetAsync(id, ct);
        var criteria = await apis.CriteriaAsync(ct);
        if (review.Refused || criteria.Refused)
        {
            return Forbid();
        }
        if (review.NotFound || review.Value is null)
        {
            return NotFound();
        }
        (Review, Criteria) = (review.Value, criteria.Value?.Items ?? []);
        return null;
    }
}
