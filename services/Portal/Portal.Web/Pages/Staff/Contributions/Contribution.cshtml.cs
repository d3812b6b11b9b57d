using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.Journey;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Staff.Contributions;

/// <summary>
/// A contributing organisation writes its part of a joint complaint's response (Reg 9): the issues to answer, the
/// date the response is due, and its section, saved as often as needed until it is signed off.
/// </summary>
public sealed class ContributionModel(ContributionApis apis) : PageModel
{
    [BindProperty]
    public string? Text { get; set; }

    public ContributionTask? Part { get; private set; }

    public FormErrors Errors { get; } = new();

    /// <summary>True right after a save, to say so.</summary>
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid caseId, bool? saved, CancellationToken ct)
    {
        var found = await apis.GetAsync(caseId, ct);
        if (found.Value is not { } task)
        {
            return NotFound();
        }
        Part = task;
        Text = task.Text;
        Saved = saved == true;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid caseId, CancellationToken ct)
    {
        var found = await apis.GetAsync(caseId, ct);
        if (found.Value is not { } task)
        {
            return NotFound();
        }
        Part = task;
        var saved = await apis.SaveAsync(caseId, Text, ct);
        if (saved.Problem is { } problem)
        {
            Errors.AddFrom(problem, [("text", "text")]);
            if (!Errors.Any)
            {
                Errors.Add("text", problem.Detail ?? problem.Title ?? "Your part could not be saved. Try again.");
            }
            return Page();
        }
        return Redirect($"/staff/contributions/{caseId}?saved=true");
    }
}
