using IcsComplaints.Portal.Web.Clients;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Journey;

/// <summary>
/// A page of the complaint journey: it loads the answers so far, and on "Continue" keeps the new answer, asks the
/// intake API to check the complaint as it stands, and shows the API's messages for this page's fields or moves on.
/// </summary>
public abstract class QuestionPage(PublicApis apis) : PageModel
{
    /// <summary>The platform's APIs, called as the person.</summary>
    protected PublicApis Apis { get; } = apis;

    /// <summary>The page's place in <see cref="JourneyFlow"/>.</summary>
    protected abstract string PageName { get; }

    /// <summary>The answers so far.</summary>
    public ComplaintDraft Draft { get; private set; } = new();

    /// <summary>What to show in the error summary and beside the fields.</summary>
    public FormErrors Errors { get; } = new();

    /// <summary>The back link's target.</summary>
    public string BackLink => JourneyFlow.Previous(PageName, Draft) is { } previous ? Url.Page(previous)! : Url.Page("/Index")!;

    /// <inheritdoc />
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context) => Draft = DraftStore.Load(HttpContext.Session);

    /// <summary>
    /// Saves the answer and moves on when the API finds nothing wrong with this page's fields (API field name → input
    /// id); otherwise shows the page again with the API's messages.
    /// </summary>
    protected async Task<IActionResult> SaveAndContinueAsync(IReadOnlyList<(string ApiField, string InputId)> fields, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(fields);
        DraftStore.Save(HttpContext.Session, Draft);
        var check = await Apis.CheckComplaintAsync(Draft.ToRequest(), ct);
        if (check.Problem is { } problem)
        {
            if (problem.Status == 400)
            {
                Errors.AddFrom(problem, fields);
            }
            else
            {
                // Not about the answers (too many attempts, say): the API's own words, at the top.
                Errors.Add(fields[0].InputId, problem.Detail ?? problem.Title ?? "Something went wrong. Try again.");
            }
        }
        return Errors.Any ? Page() : RedirectToPage(JourneyFlow.Next(PageName, Draft));
    }
}
