using IcsComplaints.Portal.Web.Clients;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages;

/// <summary>A signed-in complainant's complaints, without their references to hand.</summary>
public sealed class YourComplaintsModel(PublicApis apis) : PageModel
{
    public IReadOnlyList<OwnComplaint> Complaints { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Complaints = (await apis.OwnComplaintsAsync(ct)).Value?.Items ?? [];
}
