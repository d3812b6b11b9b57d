using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.Journey;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages;

/// <summary>
/// A complaint's progress by reference and progress code (a form post: neither goes in a URL). A wrong pair says
/// only that nothing matched, as the API does.
/// </summary>
public sealed class StatusModel(PublicApis apis) : PageModel
{
    [BindProperty]
    public string? Reference { get; set; }

    [BindProperty]
    public string? Secret { get; set; }

    public FormErrors Errors { get; } = new();

    public ComplaintProgress? Progress { get; private set; }

    /// <summary>What was sent to the complainant, oldest first; <c>null</c> when it could not be read just now.</summary>
    public IReadOnlyList<SentLetter>? Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Errors.RequireReferenceAndCode(Reference, Secret);
        if (Errors.Any)
        {
            return Page();
        }
        var found = await apis.ProgressAsync(Reference!, Secret!, ct);
        if (found.Value is { } progress)
        {
            Progress = progress;
            // The progress stands on its own: if the list of letters cannot be read now, the page says so rather than fail.
            Sent = (await apis.SentToComplainantAsync(Reference!, Secret!, ct)).Value?.Items;
            return Page();
        }
        if (found.NotFound)
        {
            Errors.NoComplaintMatches();
        }
        else
        {
            Errors.AddFrom(found.Problem!, [("reference", "reference"), ("X-Complaint-Secret", "secret"), ("secret", "secret")]);
            if (!Errors.Any)
            {
                Errors.Add("reference", found.Problem!.Detail ?? found.Problem.Title ?? "Your complaint could not be found. Try again.");
            }
        }
        return Page();
    }
}
