using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.Journey;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Staff.Quality.Training;

/// <summary>Puts a member of staff on the training register: their name, job title and what they do with complaints.</summary>
public sealed class AddModel(TrainingApis apis) : PageModel
{
    private static readonly IReadOnlyList<(string ApiField, string InputId)> Fields = [("name", "name"), ("jobTitle", "job-title"), ("role", "role")];

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? JobTitle { get; set; }
    [BindProperty] public string? Role { get; set; }

    public FormErrors Errors { get; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var added = await apis.AddAsync(Name, JobTitle, Role, ct);
        if (added.Refused)
        {
            return Forbid();
        }
        if (added.Problem is { } problem)
        {
            Errors.AddFrom(problem, Fields);
            if (!Errors.Any)
            {
                Errors.AddAllTo("name", problem, "They could not be added. Try again.");
            }
            return Page();
        }
        return Redirect($"/staff/quality/training/{added.Value!.Id}");
    }
}
