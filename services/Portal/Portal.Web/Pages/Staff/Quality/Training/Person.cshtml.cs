using IcsComplaints.Portal.Web.Clients;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Staff.Quality.Training;

/// <summary>One member of staff on the register: each course they need, when they last did it and when it is due again, and every course they completed.</summary>
public sealed class PersonModel(TrainingApis apis) : PageModel
{
    public StaffTraining? Person { get; private set; }

    public IReadOnlyList<TrainingCourse> Courses { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var (result, person, courses) = await Load(apis, id, ct);
        if (result is not null)
        {
            return result;
        }
        (Person, Courses) = (person, courses);
        return Page();
    }

    public string Title(string course) => Courses.FirstOrDefault(c => c.Code == course)?.Title ?? course;

    /// <summary>
    /// A member of the caller's organisation's register and the courses, or the page to answer instead: the register
    /// is read whole (it is a few dozen people), and someone not on it is not found.
    /// </summary>
    internal static async Task<(IActionResult? Instead, StaffTraining? Person, IReadOnlyList<TrainingCourse> Courses)> Load(TrainingApis apis, Guid id, CancellationToken ct)
    {
        var register = await apis.RegisterAsync(ct);
        var courses = await apis.CoursesAsync(ct);
        if (register.Refused || courses.Refused)
        {
            return (new ForbidResult(), null, []);
        }
        var person = register.Value?.Items.FirstOrDefault(s => s.Id == id);
        return person is null ? (new NotFoundResult(), null, []) : (null, person, courses.Value?.Items ?? []);
    }
}
