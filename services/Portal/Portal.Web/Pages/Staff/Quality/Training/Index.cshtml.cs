using IcsComplaints.Portal.Web.Clients;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Staff.Quality.Training;

/// <summary>
/// The organisation's training register for its quality lead: how much of it is trained (in all and course by course,
/// as its ICB sees it), and each member of staff with the courses they need and whether each is current.
/// </summary>
public sealed class IndexModel(TrainingApis apis) : PageModel
{
    public TrainingCoverageView? Coverage { get; private set; }

    public IReadOnlyList<TrainingCourse> Courses { get; private set; } = [];

    public IReadOnlyList<StaffTraining> OnRegister { get; private set; } = [];

    public IReadOnlyList<StaffTraining> Left { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var register = await apis.RegisterAsync(ct);
        var coverage = await apis.CoverageAsync(ct);
        var courses = await apis.CoursesAsync(ct);
        if (register.Refused || coverage.Refused || courses.Refused)
        {
            return Forbid();
        }
        Coverage = coverage.Value;
        Courses = courses.Value?.Items ?? [];
        var staff = register.Value?.Items ?? [];
        OnRegister = [.. staff.Where(s => s.LeftOn is null)];
        Left = [.. staff.Where(s => s.LeftOn is not null)];
        return Page();
    }

    public string Title(string course) => Courses.FirstOrDefault(c => c.Code == course)?.Title ?? course;
}
