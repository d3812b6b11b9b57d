using IcsComplaints.Portal.Web.Clients;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Oversight;

/// <summary>A provider's KO41 return as reporting writes it (CSV), passed on as a download.</summary>
public sealed class ReturnDownloadModel(ReportingApis apis) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? organisation, string? year, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(organisation) || string.IsNullOrWhiteSpace(year))
        {
            return NotFound();
        }
        var file = await apis.Ko41CsvAsync(organisation, year, ct);
        if (file.Refused)
        {
            return Forbid();
        }
        if (file.Problem is not null)
        {
            // Refused (checks failing, or not the ICB's provider): the returns page says why.
            return Redirect("/oversight/returns" + QueryString.Create("organisation", organisation).Add("year", year));
        }
        var (content, type, _) = file.Value;
        return File(content, type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) ? type : "text/csv", $"KO41-{organisation.ToUpperInvariant()}-{year}.csv");
    }
}
