using IcsComplaints.Portal.Web.Clients;
using Microsoft.AspNetCore.Mvc;

namespace IcsComplaints.Portal.Web.Pages.Oversight;

/// <summary>
/// An ICB's providers side by side for the months chosen (the last twelve complete months unless chosen): exact
/// figures, as reporting gives them to the ICB that commissions the providers.
/// </summary>
public sealed class IndexModel(ReportingApis apis, TimeProvider time) : MonthsPage(time)
{
    public OversightView? Oversight { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ReadPeriod();
        var oversight = await apis.OversightAsync(Period.From, Period.To, ct);
        if (oversight.Refused)
        {
            return Forbid();
        }
        if (oversight.Problem is { } problem)
        {
            ShowRefusal(problem);
        }
        Oversight = oversight.Value;
        return Page();
    }
}
