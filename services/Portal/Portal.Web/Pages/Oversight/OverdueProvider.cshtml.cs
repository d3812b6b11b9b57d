using IcsComplaints.Portal.Web.Clients;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Oversight;

/// <summary>
/// The overdue complaints at one provider, case by case, as much as reporting lets an ICB see: when each was received
/// and what is overdue since when, and nothing about the complainant or the complaint. Another ICB's provider is not found.
/// </summary>
public sealed class OverdueProviderModel(ReportingApis apis) : PageModel
{
    public string Organisation { get; private set; } = "";

    public IReadOnlyList<OverdueCaseView> Cases { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string organisation, CancellationToken ct)
    {
        var cases = await apis.OverdueCasesAsync(organisation, ct);
        if (cases.Refused)
        {
            return Forbid();
        }
        if (cases.Problem is not null)
        {
            return NotFound();
        }
        Organisation = organisation.ToUpperInvariant();
        Cases = cases.Value?.Items ?? [];
        return Page();
    }

    /// <summary>What reporting calls an overdue deadline, in words.</summary>
    public static string InWords(string overdue) => overdue switch
    {
        "Acknowledgement" => "acknowledgement",
        "Response" => "response",
        "Backstop" => "six-month backstop",
        _ => overdue,
    };
}
