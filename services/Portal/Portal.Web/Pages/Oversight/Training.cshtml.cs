using IcsComplaints.Portal.Web.Clients;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Oversight;

/// <summary>
/// How much of each commissioned provider's complaints staff is trained today, in all and course by course, from
/// the providers' own training registers; counts only, never names.
/// </summary>
public sealed class TrainingModel(TrainingApis apis) : PageModel
{
    public IReadOnlyList<TrainingCoverageView> Providers { get; private set; } = [];

    public IReadOnlyList<TrainingCourse> Courses { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var providers = await apis.ProvidersAsync(ct);
        var courses = await apis.CoursesAsync(ct);
        if (providers.Refused || courses.Refused)
        {
            return Forbid();
        }
        Providers = providers.Value?.Items ?? [];
        Courses = courses.Value?.Items ?? [];
        return Page();
    }
}
