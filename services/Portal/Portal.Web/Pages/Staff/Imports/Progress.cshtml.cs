using IcsComplaints.Portal.Web.Clients;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Staff.Imports;

/// <summary>How an import is going, refreshed by the page itself until it has finished; another organisation's is a 404.</summary>
public sealed class ProgressModel(IntakeStaffApis apis) : PageModel
{
    public ComplaintImport? Import { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Import = (await apis.ImportAsync(id, ct)).Value;
        return Import is null ? NotFound() : Page();
    }
}
