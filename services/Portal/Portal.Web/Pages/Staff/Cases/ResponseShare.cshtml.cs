using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.Journey;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Staff.Cases;

/// <summary>
/// Sharing the saved draft is deliberate: this page says what happens (the reviewers read this version, and any
/// review of an earlier one ends) and shares only when confirmed.
/// </summary>
public sealed class ResponseShareModel(CaseApis apis) : PageModel
{
    [FromRoute]
    public Guid CaseId { get; set; }

    public CaseDetail Case { get; private set; } = null!;

    public FormErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if ((await apis.DetailAsync(CaseId, ct)).Value is not { } detail)
        {
            return NotFound();
        }
        Case = detail;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if ((await apis.DetailAsync(CaseId, ct)).Value is not { } detail)
        {
            return NotFound();
        }
        Case = detail;
        var shared = await apis.ShareDraftAsync(CaseId, ct);
        if (shared.Problem is { } problem)
        {
            Errors.Add("confirm", problem.Errors.SelectMany(e => e.Value).FirstOrDefault() ?? problem.Detail ?? problem.Title ?? "The draft could not be shared. Try again.");
            return Page();
        }
        return Redirect($"/staff/cases/{CaseId}?done=response-shared");
    }
}
