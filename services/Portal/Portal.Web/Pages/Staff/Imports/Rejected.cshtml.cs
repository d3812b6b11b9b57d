using IcsComplaints.Portal.Web.Clients;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Staff.Imports;

/// <summary>The rows an import refused, as intake writes them (CSV with the reasons), downloaded as a file.</summary>
public sealed class RejectedModel(IntakeStaffApis apis) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var rows = await apis.RejectedRowsAsync(id, ct);
        if (rows.Problem is not null)
        {
            return NotFound();
        }
        var (content, type, _) = rows.Value;
        return File(content, type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) ? type : "text/csv", $"rejected-rows-{id:N}.csv");
    }
}
