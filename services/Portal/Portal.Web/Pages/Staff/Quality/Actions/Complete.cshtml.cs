using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.Journey;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Staff.Quality.Actions;

/// <summary>
/// Completes an open action with its evidence and, if given, a public "you said, we did" summary, which learning
/// refuses when it would identify someone.
/// </summary>
public sealed class CompleteModel(LearningApis apis) : PageModel
{
    [BindProperty]
    public string? Evidence { get; set; }

    [BindProperty]
    public string? YouSaid { get; set; }

    [BindProperty]
    public string? WeDid { get; set; }

    public LearningAction? Action { get; private set; }

    public FormErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Action = await OpenAction.FindAsync(apis, id, ct);
        return Action is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        Action = await OpenAction.FindAsync(apis, id, ct);
        if (Action is null)
        {
            return NotFound();
        }
        var completed = await apis.CompleteActionAsync(id, Blank(Evidence), Blank(YouSaid), Blank(WeDid), ct);
        if (completed.Problem is { } problem)
        {
            Errors.AddFrom(problem, [("evidence", "evidence"), ("youSaid", "youSaid"), ("weDid", "weDid")]);
            if (!Errors.Any)
            {
                Errors.Add("evidence", problem.Detail ?? problem.Title ?? "The action could not be completed. Try again.");
            }
            return Page();
        }
        return Redirect("/staff/quality/actions");
    }

    // An empty box is no summary at all, not an empty one.
    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
