using IcsComplaints.Portal.Web.Clients;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Advocate.Clients;

/// <summary>The complaints the advocate's service has taken on, while each complainant's consent is in force.</summary>
public sealed class IndexModel(AdvocacyApis apis) : PageModel
{
    public IReadOnlyList<Referral> Accepted { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var listed = await apis.ReferralsAsync(ct);
        if (listed.Refused)
        {
            return Forbid();
        }
        Accepted = [.. (listed.Value?.Items ?? []).Where(r => r.Status == "Accepted")];
        return Page();
    }
}
