using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.Journey;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Staff.Contributions;

/// <summary>The contributing organisation's responsible person signs off its part (Reg 9); the case service says who may.</summary>
public sealed class SignOffModel(ContributionApis apis) : PageModel
{
    public ContributionTask? Part { get; private set; }

    public FormErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(Guid caseId, CancellationToken ct)
    {
        Part = (await apis.GetAsync(caseId, ct)).Value;
        return Part is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid caseId, CancellationToken ct)
    {
        Part = (await apis.GetAsync(caseId, ct)).Value;
        if (Part is null)
        {
            return NotFound();
        }
        var signed = await apis.SignOffAsync(caseId, ct);
        if (signed.Problem is { } problem)
        {
            // Not a field: the wrong role, or nothing written yet, in the service's own words.
            Errors.Add("sign-off", problem.Detail ?? problem.Title ?? "Your part could not be signed off. Try again.");
            return Page();
        }
        return Redirect($"/staff/contributions/{caseId}");
    }
}
