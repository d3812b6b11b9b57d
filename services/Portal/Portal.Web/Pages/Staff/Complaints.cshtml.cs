using IcsComplaints.Portal.Web.Clients;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Staff;

/// <summary>The complaints made to or handled by the user's organisation, as the intake API lets them see.</summary>
public sealed class ComplaintsModel(PublicApis apis) : PageModel
{
    public IReadOnlyList<ComplaintSummary> Complaints { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var listed = await apis.OrganisationComplaintsAsync(ct);
        if (listed.Problem is { Status: 403 or 401 })
        {
            return Forbid();
        }
        Complaints = listed.Value?.Items ?? [];
        return Page();
    }
}
