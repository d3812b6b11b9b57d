using IcsComplaints.Portal.Web.Clients;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Staff.Quality;

/// <summary>How alike the organisation's coders code, per HCAT category and for harm, as learning computes it.</summary>
public sealed class CalibrationModel(LearningApis apis) : PageModel
{
    private IReadOnlyList<HcatCategoryView> _categories = [];

    public IReadOnlyList<CalibrationResult> Results { get; private set; } = [];

    /// <summary>A category's name from the scheme (harm is not a category, and is named here).</summary>
    public string NameOf(string key) => key == "harm" ? "Harm" : _categories.FirstOrDefault(c => c.Key == key)?.Name ?? key;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var results = await apis.CalibrationAsync(ct);
        if (results.Refused)
        {
            return Forbid();
        }
        Results = results.Value?.Items ?? [];
        _categories = (await apis.SchemeAsync(ct)).Value?.Categories ?? [];
        return Page();
    }
}
