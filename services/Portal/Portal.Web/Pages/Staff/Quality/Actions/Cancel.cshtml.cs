using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.Journey;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Staff.Quality.Actions;

/// <summary>Cancels an open or proposed action, with the reason.</summary>
public sealed class CancelModel(LearningApis apis) : PageModel
{
    [BindProperty]
    public string? Reason { get; set; }

    public LearningAction? Action { get; private set; }

    public FormErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Action = await OpenAction.FindAsync(apis, id, ct, "Open", "Proposed");
        return Action is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        Action = await OpenAction.FindAsync(apis, id, ct, "Open", "Proposed");
        if (Action is null)
        {
            return NotFound();
        }
        var cancelled = await apis.CancelActionAsync(id, Reason, ct);
        if (cancelled.Problem is { } problem)
        {
            Errors.AddFrom(problem, [("reason", "reason")]);
            if (!Errors.Any)
            {
                Errors.Add("reason", problem.Detail ?? problem.Title ?? "The action could not be cancelled. Try again.");
            }
            return Page();
        }
        return Redirect("/staff/quality/actions");
    }
}
