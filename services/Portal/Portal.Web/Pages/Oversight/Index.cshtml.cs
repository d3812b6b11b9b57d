using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.Journey;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Oversight;

/// <summary>
/// An ICB's providers side by side for the months chosen (the last twelve complete months unless chosen): exact
/// figures, as reporting gives them to the ICB that commissions the providers.
/// </summary>
public sealed class IndexModel(ReportingApis apis, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? FromMonth { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? FromYear { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ToMonth { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ToYear { get; set; }

    public OversightPeriod Period { get; private set; } = new();

    public OversightView? Oversight { get; private set; }

    public FormErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Period = new OversightPeriod { FromMonth = FromMonth, FromYear = FromYear, ToMonth = ToMonth, ToYear = ToYear }
            .WithDefaults(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        var oversight = await apis.OversightAsync(Period.From, Period.To, ct);
        if (oversight.Problem is { Status: 401 or 403 })
        {
            return Forbid();
        }
        if (oversight.Problem is { } problem)
        {
            OversightPeriod.AddErrors(Errors, problem);
            if (!Errors.Any)
            {
                Errors.Add("from-month", problem.Detail ?? problem.Title ?? "These months cannot be shown.");
            }
        }
        Oversight = oversight.Value;
        return Page();
    }
}
