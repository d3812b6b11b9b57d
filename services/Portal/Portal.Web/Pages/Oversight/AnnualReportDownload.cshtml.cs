using IcsComplaints.Portal.Web.Clients;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Oversight;

/// <summary>An organisation's annual report as reporting draws it for a board (PDF), passed on as a download.</summary>
public sealed class AnnualReportDownloadModel(ReportingApis apis) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? organisation, string? year, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(organisation) || string.IsNullOrWhiteSpace(year))
        {
            return NotFound();
        }
        var file = await apis.AnnualReportPdfAsync(organisation, year, ct);
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
            // A bad year or organisation: the report's page says what is wrong beside the field.
            return Redirect("/oversight/annual-report" + QueryString.Create("organisation", organisation).Add("year", year));
        }
        // Reporting accepted both, so the code is an ODS code's letters and digits and the year a number: safe in a file name.
        var period = ReturnsModel.FinancialYear(int.Parse(year, System.Globalization.CultureInfo.InvariantCulture)).Replace('/', '-');
        return File(file.Value.Content, "application/pdf", $"annual-complaints-report-{organisation.Trim().ToUpperInvariant()}-{period}.pdf");
    }
}
