using System.Globalization;
using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.Journey;
using IcsComplaints.Portal.Web.SignIn;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Oversight;

/// <summary>
/// The Reg 18 annual report of the ICB itself or of a provider it commissions: first the organisation and the
/// financial year, then the report as reporting publishes it (small numbers withheld), with the same report as a PDF
/// for the board.
/// </summary>
public sealed class AnnualReportModel(ReportingApis apis, ProviderNames names, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Organisation { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Year { get; set; }

    /// <summary>The ICB first, then its providers by name: (ODS code, "Name (CODE)").</summary>
    public IReadOnlyList<(string Code, string Label)> Organisations { get; private set; } = [];

    /// <summary>The financial years offered, newest first, by their first calendar year.</summary>
    public IReadOnlyList<int> Years { get; private set; } = [];

    public AnnualReportView? Report { get; private set; }

    /// <summary>"Name (CODE)" of the organisation reported on.</summary>
    public string ReportedOn { get; private set; } = "";

    public FormErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!PortalUser.IsIcbOverseer(User) || PortalUser.Organisation(User) is not { } icb)
        {
            return Forbid();
        }
        Organisations = await names.ReportableAsync(icb, ct);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var current = today.Month >= 4 ? today.Year : today.Year - 1;
        Years = [.. Enumerable.Range(0, 6).Select(i => current - i)];
        if (Organisation is null && Year is null)
        {
            Year = (current - 1).ToString(CultureInfo.InvariantCulture);
            return Page();
        }
        if (string.IsNullOrWhiteSpace(Organisation))
        {
            Errors.Add("organisation", "Choose your ICB or a provider it commissions");
        }
        if (!int.TryParse(Year, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            Errors.Add("year", "Choose a financial year");
        }
        if (Errors.Any)
        {
            return Page();
        }
        var report = await apis.AnnualReportAsync(Organisation!, Year!, ct);
        if (report.Refused)
        {
            return Forbid();
        }
        if (report.Problem is { } problem)
        {
            Errors.AddFrom(problem, [("organisation", "organisation"), ("year", "year")]);
            if (!Errors.Any)
            {
                Errors.Add("organisation", problem.Status == 404 ? "Choose your ICB or a provider it commissions" : problem.Detail ?? problem.Title ?? "The report cannot be made.");
            }
            return Page();
        }
        Report = report.Value;
        ReportedOn = Organisations.FirstOrDefault(o => string.Equals(o.Code, Report!.OrganisationCode, StringComparison.OrdinalIgnoreCase)).Label ?? Report!.OrganisationCode;
        return Page();
    }

    /// <summary>A count as the report writes it: "withheld" when withheld under the small-numbers rule.</summary>
    public static string Count(int? count) => count?.ToString(CultureInfo.InvariantCulture) ?? "withheld";

    /// <summary>A rate as the report writes it: "12 of 20 (60.0%)".</summary>
    public static string Share(RateView rate) => rate switch
    {
        { Numerator: { } n, Denominator: { } d, Value: { } v } => string.Create(CultureInfo.InvariantCulture, $"{n} of {d} ({v * 100:0.0}%)"),
        { Denominator: 0 } => "none",
        _ => "withheld",
    };

    /// <summary>A channel as the report names it.</summary>
    public static string Channel(string key) => key switch
    {
        "Online" => "Made online",
        "InPerson" => "Made in person",
        "Pals" => "Made through PALS",
        "Integration" => "Recorded by another system",
        _ => $"Made by {Words(key).ToLowerInvariant()}",
    };

    /// <summary>"PartiallyUpheld" reads "Partially upheld".</summary>
    public static string Words(string key) =>
        string.Concat(key.Select((c, i) => i > 0 && char.IsUpper(c) ? $" {char.ToLowerInvariant(c)}" : c.ToString()));
}
