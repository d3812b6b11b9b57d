using System.Globalization;
using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.Journey;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Oversight;

/// <summary>
/// The themes across the ICB's providers for a month (the last complete month unless chosen): each problem that rose
/// above its own baseline, by the learning service's stated rule, with its evidence in brief and whether it was shared.
/// The ICB's overseers can ask learning to look for themes in the month.
/// </summary>
public sealed class ThemesModel(LearningOversightApis apis, LearningApis learning, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Month { get; set; }

    /// <summary>The months offered, newest first (yyyy-MM): the last twelve complete months.</summary>
    public IReadOnlyList<string> Months { get; private set; } = [];

    public IReadOnlyList<ThemeView> Themes { get; private set; } = [];

    public HcatSchemeView? Scheme { get; private set; }

    public FormErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ChooseMonth();
        var themes = await apis.ThemesAsync(Month!, ct);
        if (themes.Refused)
        {
            return Forbid();
        }
        if (themes.Problem is { } problem)
        {
            ShowRefusal(problem);
        }
        Themes = [.. (themes.Value?.Items ?? []).OrderBy(t => t.PValue)];
        Scheme = (await learning.SchemeAsync(ct)).Value;
        return Page();
    }

    /// <summary>Asks learning to look for themes in the month, then shows what it found.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ChooseMonth();
        var detected = await apis.DetectThemesAsync(Month!, ct);
        if (detected.Refused)
        {
            return Forbid();
        }
        if (detected.Problem is { } problem)
        {
            ShowRefusal(problem);
            Scheme = (await learning.SchemeAsync(ct)).Value;
            return Page();
        }
        return Redirect("/oversight/themes" + QueryString.Create("month", Month!));
    }

    private void ChooseMonth()
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        Months = [.. Enumerable.Range(1, 12).Select(i => thisMonth.AddMonths(-i).ToString("yyyy-MM", CultureInfo.InvariantCulture))];
        Month = string.IsNullOrWhiteSpace(Month) ? Months[0] : Month.Trim();
    }

    private void ShowRefusal(ApiProblem problem)
    {
        Errors.AddFrom(problem, [("month", "month")]);
        if (!Errors.Any)
        {
            Errors.Add("month", problem.Detail ?? problem.Title ?? "Themes cannot be shown for this month.");
        }
    }
}
