using IcsComplaints.Portal.Web.Clients;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Oversight;

/// <summary>
/// One theme's evidence: the month's count against what the baseline expects, the thirteen months it rests on as
/// learning's chart (inline, ADR 29 and 30) and as a table, each provider's part, the rule, the learning actions
/// providers raised from it, and whom it was shared with.
/// </summary>
public sealed class ThemeModel(LearningOversightApis apis, LearningApis learning) : PageModel
{
    public ThemeView Theme { get; private set; } = null!;

    public HcatSchemeView? Scheme { get; private set; }

    public IHtmlContent? Chart { get; private set; }

    /// <summary>The actions raised from the theme, by the providers in it.</summary>
    public IReadOnlyList<LearningAction> Actions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var theme = await apis.ThemeAsync(id, ct);
        if (theme.Refused)
        {
            return Forbid();
        }
        if (theme.Value is null)
        {
            return NotFound();
        }
        Theme = theme.Value;
        Scheme = (await learning.SchemeAsync(ct)).Value;
        Chart = SvgChart.Inline(await apis.ThemeChartAsync(id, ct));
        // Every provider the theme was shared with may have acted on it, as well as those whose complaints made it.
        var providers = Theme.Contributions.Select(c => c.OrganisationCode).Concat(Theme.SharedWith)
            .Append(Theme.OrganisationCode ?? "").Where(c => c.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal);
        var actions = new List<LearningAction>();
        foreach (var provider in providers)
        {
            actions.AddRange((await apis.ThemeActionsAsync(provider, id, ct)).Value?.Items ?? []);
        }
        Actions = actions;
        return Page();
    }
}
