using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.Journey;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Oversight;

/// <summary>
/// Shares what the ICB learned from a theme with providers it commissions: the message and the providers chosen go
/// to learning, which refuses a message that identifies anyone and a provider the ICB does not commission; its
/// messages are shown against the fields.
/// </summary>
public sealed class ThemeShareModel(LearningOversightApis apis, LearningApis learning, PublicApis directory) : PageModel
{
    [BindProperty]
    public string? Message { get; set; }

    [BindProperty]
    public List<string> OrganisationCodes { get; set; } = [];

    public ThemeView Theme { get; private set; } = null!;

    public HcatSchemeView? Scheme { get; private set; }

    /// <summary>The providers the ICB commissions, (code, "Name (CODE)").</summary>
    public IReadOnlyList<(string Code, string Label)> Providers { get; private set; } = [];

    public FormErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var found = await LoadAsync(id, ct);
        if (found is not null)
        {
            return found;
        }
        Message = Theme.ShareMessage;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var found = await LoadAsync(id, ct);
        if (found is not null)
        {
            return found;
        }
        var shared = await apis.ShareThemeAsync(id, Message, OrganisationCodes, ct);
        if (shared.Refused)
        {
            return Forbid();
        }
        if (shared.Problem is { } problem)
        {
            Errors.AddFrom(problem, [("message", "message"), ("organisationCodes", "organisationCodes")]);
            if (!Errors.Any)
            {
                Errors.Add("message", problem.Detail ?? problem.Title ?? "The theme could not be shared. Try again.");
            }
            return Page();
        }
        return Redirect($"/oversight/themes/{id}");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
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
        // A trust's sites have no complaints team of their own, so learning shares with the trust, not its sites.
        var providers = (await directory.ProvidersCommissionedByAsync(Theme.IcbCode, ct)).Value?.Items ?? [];
        Providers = [.. providers.Where(p => p.Type != "trust-site").OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => (p.OdsCode, $"{p.Name} ({p.OdsCode})"))];
        return null;
    }
}
