using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.Journey;
using IcsComplaints.Portal.Web.Pages.Shared;
using IcsComplaints.Portal.Web.SignIn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Advocate.Reviews;

/// <summary>
/// The advocate reads a shared draft version, comments on its sections until the window ends, and finishes the
/// review: approving it, or asking for changes (which needs a comment saying what should change).
/// </summary>
[Authorize]
public sealed class ReviewModel(CaseApis apis) : PageModel
{
    [FromRoute]
    public long Id { get; set; }

    [BindProperty]
    public string? Section { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    public AdvocacyReview Review { get; private set; } = null!;

    public SharedDraft? Draft { get; private set; }

    public FormErrors Errors { get; } = new();

    /// <summary>True after a comment was added.</summary>
    [FromQuery(Name = "commented")]
    public bool Commented { get; set; }

    /// <summary>The parts of the draft a comment can be about, by the advocacy API's section names.</summary>
    public IReadOnlyList<Choice> Sections { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCommentAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        if (string.IsNullOrWhiteSpace(Comment))
        {
            Errors.Add("comment", "Write your comment");
            return Page();
        }
        return await CommentAsync(ct) ? Redirect($"/advocate/reviews/{Id}?commented=true") : Page();
    }

    public async Task<IActionResult> OnPostChangesAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        if (string.IsNullOrWhiteSpace(Comment) && Review.Comments is not { Count: > 0 })
        {
            Errors.Add("comment", "Say what should change before asking for changes");
            return Page();
        }
        return await FinishAsync("ChangesAsked", "changes", ct);
    }

    public async Task<IActionResult> OnPostApproveAsync(CancellationToken ct) => await LoadAsync(ct) ? await FinishAsync("Approved", "approved", ct) : NotFound();

    // A comment typed when finishing is kept first, so nothing written is lost.
    private async Task<IActionResult> FinishAsync(string verdict, string done, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(Comment) && !await CommentAsync(ct))
        {
            return Page();
        }
        var finished = await apis.CompleteReviewAsync(Id, verdict, ct);
        if (finished.Problem is { } problem)
        {
            // The verdict's refusal (asking for changes with no comment) is about what the comment box should say.
            Errors.AddFrom(problem, [("verdict", "comment")]);
            if (!Errors.Any)
            {
                Errors.Add("comment", problem.Detail ?? problem.Title ?? "The review could not be finished. Try again.");
            }
            return Page();
        }
        return Redirect($"/advocate/reviews?done={done}");
    }

    private async Task<bool> CommentAsync(CancellationToken ct)
    {
        var added = await apis.CommentAsync(Id, Section ?? "general", Comment!.Trim(), PortalUser.DisplayName(User), ct);
        if (added.Problem is { } problem)
        {
            Errors.AddFrom(problem, [("section", "section"), ("text", "comment"), ("authorName", "comment")]);
            if (!Errors.Any)
            {
                Errors.Add("comment", problem.Detail ?? problem.Title ?? "Your comment could not be saved. Try again.");
            }
            return false;
        }
        return true;
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var reviews = (await apis.ReviewsAsync(null, ct)).Value?.Items ?? [];
        if (reviews.FirstOrDefault(r => r.Id == Id) is not { } review)
        {
            return false;
        }
        Review = review;
        Draft = (await apis.SharedDraftAsync(review.CaseId, review.Version, ct)).Value;
        var findings = Draft?.Draft.Findings ?? [];
        Sections =
        [
            new("general", "The draft as a whole"), new("complaintSummary", "Summary of the complaint"), new("outcomesSought", "Outcomes sought"),
            new("investigation", "The investigation"),
            .. findings.Select((f, i) => new Choice($"findings[{i}]", $"Finding {i + 1}: {f.Issue}")),
            new("apology", "Apology"), new("changes", "What will change"), new("remedy", "Remedy"),
        ];
        return true;
    }
}
