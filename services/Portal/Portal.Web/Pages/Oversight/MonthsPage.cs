using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.Journey;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Oversight;

/// <summary>
/// An oversight page over months the person chooses (the last twelve complete months unless they choose): the month
/// form's fields, the period they make, and reporting's refusals of it shown against the form.
/// </summary>
public abstract class MonthsPage(TimeProvider time) : PageModel
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

    public FormErrors Errors { get; } = new();

    /// <summary>The months asked for, or the default ones.</summary>
    protected OversightPeriod ReadPeriod() =>
        Period = new OversightPeriod { FromMonth = FromMonth, FromYear = FromYear, ToMonth = ToMonth, ToYear = ToYear }
            .WithDefaults(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));

    /// <summary>Reporting's refusal of the months, against the form's fields (or the first of them when it names none).</summary>
    protected void ShowRefusal(ApiProblem problem)
    {
        OversightPeriod.AddErrors(Errors, problem);
        if (!Errors.Any)
        {
            Errors.Add("from-month", problem.Detail ?? problem.Title ?? "These months cannot be shown.");
        }
    }
}
