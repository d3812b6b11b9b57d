using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.Journey;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Staff.Quality.Training;

/// <summary>Records a course a member of staff completed, and on which day (today unless given).</summary>
public sealed class RecordModel(TrainingApis apis) : PageModel
{
    private static readonly IReadOnlyList<(string ApiField, string InputId)> Fields = [("course", "course"), ("completedOn", "completed-on")];

    public StaffTraining? Person { get; private set; }

    public IReadOnlyList<TrainingCourse> Courses { get; private set; } = [];

    [BindProperty] public string? Course { get; set; }
    [BindProperty] public DateParts CompletedOn { get; set; } = new();

    public FormErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var recorded = await apis.CompleteAsync(id, Course, CompletedOn.ToIso(), ct);
        if (recorded.Refused)
        {
            return Forbid();
        }
        if (recorded.NotFound)
        {
            return NotFound();
        }
        if (recorded.Problem is { } problem)
        {
            Errors.AddFrom(problem, Fields);
            if (!Errors.Any)
            {
                Errors.AddAllTo("course", problem, "The course could not be recorded. Try again.");
            }
            return await LoadAsync(id, ct) ?? Page();
        }
        return Redirect($"/staff/quality/training/{id}");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var (instead, person, courses) = await PersonModel.Load(apis, id, ct);
        (Person, Courses) = (person, courses);
        return instead ?? (person!.LeftOn is null ? null : Redirect($"/staff/quality/training/{id}"));
    }
}
