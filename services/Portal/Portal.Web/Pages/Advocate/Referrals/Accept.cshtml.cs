using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.Journey;
using IcsComplaints.Portal.Web.SignIn;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Advocate.Referrals;

/// <summary>The advocacy service takes on a referral and names the advocate who will help.</summary>
public sealed class AcceptModel(AdvocacyApis apis) : PageModel
{
    [BindProperty]
    public string? AdvocateName { get; set; }

    public Referral? Referral { get; private set; }

    public FormErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Referral = await WaitingReferral.FindAsync(apis, id, ct);
        if (Referral is null)
        {
            return NotFound();
        }
        AdvocateName = PortalUser.DisplayName(User);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        Referral = await WaitingReferral.FindAsync(apis, id, ct);
        if (Referral is null)
        {
            return NotFound();
        }
        var accepted = await apis.AcceptAsync(id, AdvocateName, ct);
        if (accepted.Problem is { } problem)
        {
            WaitingReferral.Show(problem, Errors, "advocateName", [("advocateName", "advocateName"), ("advocateSubjectId", "advocateName")]);
            return Page();
        }
        return Redirect($"/advocate/clients/{Referral.CaseId}");
    }
}
