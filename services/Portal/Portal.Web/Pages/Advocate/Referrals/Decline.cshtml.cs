using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.Journey;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Advocate.Referrals;

/// <summary>The advocacy service declines a referral, saying why; the consent that came with it ends.</summary>
public sealed class DeclineModel(AdvocacyApis apis) : PageModel
{
    [BindProperty]
    public string? Reason { get; set; }

    public Referral? Referral { get; private set; }

    public FormErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Referral = await WaitingReferral.FindAsync(apis, id, ct);
        return Referral is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        Referral = await WaitingReferral.FindAsync(apis, id, ct);
        if (Referral is null)
        {
            return NotFound();
        }
        var declined = await apis.DeclineAsync(id, Reason, ct);
        if (declined.Problem is { } problem)
        {
            WaitingReferral.Show(problem, Errors, "reason", [("reason", "reason")]);
            return Page();
        }
        return Redirect("/advocate");
    }
}
