using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.SignIn;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Staff;

/// <summary>A board report as reporting draws it for the board's papers (PDF), passed on as a download with reporting's own file name.</summary>
public sealed class BoardReportDownloadModel(ReportingApis apis) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? organisation, string? period, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(period))
        {
            return NotFound();
        }
        // Only an ICB's overseers choose whose report it is; everyone else gets their own organisation's.
        var file = await apis.BoardReportPdfAsync(PortalUser.IsIcbOverseer(User) ? organisation : null, period, ct);
        if (file.Refused)
        {
            return Forbid();
        }
        if (file.NotFound)
        {
            return NotFound();
        }
        if (file.Problem is not null)
        {
            // A bad period or organisation: the report's page says what is wrong beside the field.
            return Redirect("/staff/board-report" + QueryString.Create("organisation", organisation ?? "").Add("period", period));
        }
        return File(file.Value.Content, "application/pdf", file.Value.FileName ?? "complaints-board-report.pdf");
    }
}
