using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.Journey;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Staff.Quality.Actions;

/// <summary>Takes on an action proposed from a final response: names its owner, which opens it.</summary>
public sealed class TakeOnModel(LearningApis apis) : PageModel
{
    [BindProperty]
    public string? Owner { get; set; }

    public LearningAction? Action { get; private set; }

    public FormErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Action = await OpenAction.FindAsync(apis, id, ct, "Proposed");
        return Action is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        Action = await OpenAction.FindAsync(apis, id, ct, "Proposed");
        if (Action is null)
        {
            return NotFound();
        }
        var taken = await apis.TakeOnActionAsync(id, Owner, ct);
        if (taken.Problem is { } problem)
        {
            Errors.AddFrom(problem, [("owner", "owner")]);
            if (!Errors.Any)
            {
                Errors.Add("owner", problem.Detail ?? problem.Title ?? "The action could not be taken on. Try again.");
            }
            return Page();
        }
        return Redirect("/staff/quality/actions");
    }
}
