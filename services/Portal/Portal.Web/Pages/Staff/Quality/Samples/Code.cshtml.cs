using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.Journey;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Staff.Quality.Samples;

/// <summary>
/// A complaint of a calibration sample coded a second time with the Healthcare Complaints Analysis Tool. Learning
/// withholds the first coding from the second coder until both exist, so this page cannot show it before; the
/// categories and scales come from learning's scheme, not from the portal.
/// </summary>
public sealed class CodeModel(LearningApis apis) : PageModel
{
    [BindProperty]
    public Dictionary<string, int> Severity { get; set; } = [];

    [BindProperty]
    public string? Harm { get; set; }

    [BindProperty]
    public List<string> Stages { get; set; } = [];

    public CaseCodingView? Coding { get; private set; }

    public HcatSchemeView? Scheme { get; private set; }

    public FormErrors Errors { get; } = new();

    /// <summary>The user's own coding of the complaint, once made.</summary>
    public CodingView? Mine => Coding?.Codings.FirstOrDefault(c => c.Mine && c.Subject == "Complaint");

    /// <summary>The complaint's codings the user may see, first coding first.</summary>
    public IReadOnlyList<CodingView> Complaint => [.. (Coding?.Codings ?? []).Where(c => c.Subject == "Complaint").OrderBy(c => c.Independent)];

    public async Task<IActionResult> OnGetAsync(Guid caseId, CancellationToken ct) =>
        await LoadAsync(caseId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid caseId, CancellationToken ct)
    {
        if (!await LoadAsync(caseId, ct))
        {
            return NotFound();
        }
        int? harm = int.TryParse(Harm, System.Globalization.CultureInfo.InvariantCulture, out var h) ? h : null;
        var saved = await apis.CodeComplaintAsync(caseId, Severity, harm, Stages, ct);
        if (saved.Problem is { } problem)
        {
            var fields = Scheme!.Categories.Select(c => ("severities." + c.Key, "severity-" + c.Key))
                .Append(("severities", "severity-" + Scheme.Categories[0].Key)).Append(("harm", "harm")).Append(("stagesOfCare", "stages")).ToList();
            Errors.AddFrom(problem, fields);
            if (!Errors.Any)
            {
                Errors.Add("severity-" + Scheme.Categories[0].Key, problem.Detail ?? problem.Title ?? "The coding could not be saved. Try again.");
            }
            return Page();
        }
        return Redirect($"/staff/quality/samples/{caseId}");
    }

    private async Task<bool> LoadAsync(Guid caseId, CancellationToken ct)
    {
        var coding = await apis.CodingAsync(caseId, ct);
        if (coding.Value is null)
        {
            return false;
        }
        Coding = coding.Value;
        Scheme = (await apis.SchemeAsync(ct)).Value ?? throw new InvalidOperationException("The learning service gave no HCAT scheme.");
        return true;
    }
}
