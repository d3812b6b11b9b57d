using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.Journey;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Staff.Quality.Actions;

/// <summary>Raises a learning action for the user's organisation; learning checks it and says who may.</summary>
public sealed class NewModel(LearningApis apis) : PageModel
{
    [BindProperty]
    public string? WhatWillChange { get; set; }

    [BindProperty]
    public string? Owner { get; set; }

    [BindProperty]
    public DateParts DueOn { get; set; } = new();

    public FormErrors Errors { get; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var raised = await apis.RaiseActionAsync(WhatWillChange, Owner, DueOn.ToIso(), ct);
        if (raised.Problem is { } problem)
        {
            Errors.AddFrom(problem, [("whatWillChange", "whatWillChange"), ("owner", "owner"), ("dueOn", "dueOn")]);
            if (!Errors.Any)
            {
                Errors.Add("whatWillChange", problem.Detail ?? problem.Title ?? "The action could not be raised. Try again.");
            }
            return Page();
        }
        return Redirect("/staff/quality/actions");
    }
}
