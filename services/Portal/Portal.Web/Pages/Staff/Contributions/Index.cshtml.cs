using IcsComplaints.Portal.Web.Clients;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Staff.Contributions;

/// <summary>What the user's organisation owes to joint complaints led by another organisation, and by when (Reg 9).</summary>
public sealed class IndexModel(ContributionApis apis) : PageModel
{
    public IReadOnlyList<ContributionTask> Owed { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var listed = await apis.ListAsync(ct);
        if (listed.Refused)
        {
            return Forbid();
        }
        Owed = listed.Value?.Items ?? [];
        return Page();
    }
}
