using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.Journey;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Staff.Quality.Training;

/// <summary>Takes a member of staff off the register from a day (today unless given): they no longer count towards coverage.</summary>
public sealed class LeaveModel(TrainingApis apis) : PageModel
{
    private static readonly IReadOnlyList<(string ApiField, string InputId)> Fields = [("leftOn", "left-on")];

    public StaffTraining? Person { get; private set; }

    [BindProperty] public DateParts LeftOn { get; set; } = new();

    public FormErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var left = await apis.LeaveAsync(id, LeftOn.ToIso(), ct);
        if (left.Refused)
        {
            return Forbid();
        }
        if (left.NotFound)
        {
            return NotFound();
        }
        if (left.Problem is { } problem)
        {
            Errors.AddFrom(problem, Fields);
            if (!Errors.Any)
            {
                Errors.AddAllTo("left-on", problem, "They could not be taken off the register. Try again.");
            }
            return await LoadAsync(id, ct) ?? Page();
        }
        return Redirect("/staff/quality/training");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var (instead, person, _) = await PersonModel.Load(apis, id, ct);
        Person = person;
        return instead ?? (person!.LeftOn is null ? null : Redirect($"/staff/quality/training/{id}"));
    }
}
