using IcsComplaints.Portal.Web.Clients;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Advocate;

/// <summary>
/// The advocacy service's inbox: referrals waiting for an answer. The advocacy-referral service shows an advocate only
/// its own service's referrals, and only while the complainant's consent is in force.
/// </summary>
public sealed class IndexModel(AdvocacyApis apis) : PageModel
{
    public IReadOnlyList<Referral> Pending { get; private set; } = [];

    /// <summary>What the complainant's consent lets the advocate do, in words.</summary>
    public static string Allows(ConsentGrant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        return (grant.ViewCase, grant.ReviewDrafts) switch
        {
            (true, true) => "Following the complaint and reviewing drafts of the response",
            (true, false) => "Following the complaint",
            (false, true) => "Reviewing drafts of the response",
            _ => "Contact only",
        };
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var listed = await apis.ReferralsAsync(ct);
        if (listed.Refused)
        {
            return Forbid();
        }
        Pending = [.. (listed.Value?.Items ?? []).Where(r => r.Status == "Requested")];
        return Page();
    }
}
