using System.Globalization;
using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.Journey;
using IcsComplaints.Portal.Web.SignIn;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Staff;

/// <summary>
/// The quarterly or annual report on complaints for a board: first the period (and, for an ICB's overseers, whose:
/// the whole ICS, the ICB itself or a provider it commissions), then the report as reporting publishes it, part by
/// part against the period before, with the same report as a PDF for the board's papers.
/// </summary>
public sealed class BoardReportModel(ReportingApis apis, PublicApis directory, ProviderNames names, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Organisation { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    /// <summary>For an ICB's overseers: the whole ICS, the ICB, then its providers by name. Empty for everyone else, who see their own.</summary>
    public IReadOnlyList<(string Code, string Label)> Organisations { get; private set; } = [];

    /// <summary>The periods offered, newest first: (value, words).</summary>
    public IReadOnlyList<(string Value, string Label)> Periods { get; private set; } = [];

    public BoardReportView? Report { get; private set; }

    /// <summary>Whose report it is, in words.</summary>
    public string ReportedOn { get; private set; } = "";

    public FormErrors Errors { get; } = new();

    /// <summary>The report's query: whose (for an ICB's overseers) and the period.</summary>
    public QueryString Query => Organisations.Count > 0 && !string.IsNullOrWhiteSpace(Organisation)
        ? QueryString.Create("organisation", Organisation).Add("period", Period ?? "")
        : QueryString.Create("period", Period ?? "");

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (PortalUser.Organisation(User) is not { } own)
        {
            return Forbid();
        }
        Periods = Offered(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        string ownLabel;
        if (PortalUser.IsIcbOverseer(User))
        {
            var reportable = await names.ReportableAsync(own, ct);
            ownLabel = reportable[0].Label;
            Organisations = [(BoardReportView.IcsScope, $"The whole ICS: {ownLabel} and every provider it commissions"), .. reportable];
        }
        else
        {
            ownLabel = (await directory.OrganisationAsync(own, ct)).Value is { } o ? $"{o.Name} ({own})" : own;
        }
        if (Period is null)
        {
            // The last quarter that has ended, for the ICS when the caller oversees one.
            Period = Periods.First(p => p.Value.Contains("-Q", StringComparison.Ordinal) && !p.Label.StartsWith("This quarter", StringComparison.Ordinal)).Value;
            Organisation ??= Organisations.Count > 0 ? Organisations[0].Code : null;
            return Page();
        }
        if (Organisations.Count > 0 && string.IsNullOrWhiteSpace(Organisation))
        {
            Errors.Add("organisation", "Choose the whole ICS, your ICB or a provider it commissions");
            return Page();
        }
        var report = await apis.BoardReportAsync(Organisations.Count > 0 ? Organisation : null, Period, ct);
        if (report.Refused)
        {
            return Forbid();
        }
        if (report.Problem is { } problem)
        {
            Errors.AddFrom(problem, [("period", "period"), ("organisation", "organisation"), ("scope", "organisation")]);
            if (!Errors.Any)
            {
                Errors.Add("organisation", problem.Status == 404 ? "Choose the whole ICS, your ICB or a provider it commissions" : problem.Detail ?? problem.Title ?? "The report cannot be made.");
            }
            return Page();
        }
        Report = report.Value!;
        ReportedOn = Organisations.Count == 0 ? ownLabel : Organisations.FirstOrDefault(o => o.Code == Organisation).Label ?? Report.Scope;
        return Page();
    }

    // The last six calendar quarters and the last three financial years, this one first in each.
    private static IReadOnlyList<(string Value, string Label)> Offered(DateOnly today)
    {
        var quarterStart = new DateOnly(today.Year, (((today.Month - 1) / 3) * 3) + 1, 1);
        var quarters = Enumerable.Range(0, 6).Select(i => quarterStart.AddMonths(-3 * i)).Select((q, i) =>
            ($"{q.Year}-Q{((q.Month - 1) / 3) + 1}", $"{(i == 0 ? "This quarter so far: " : "")}{q.ToString("MMMM", CultureInfo.GetCultureInfo("en-GB"))} to {q.AddMonths(2).ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}"));
        var year = today.Month >= 4 ? today.Year : today.Year - 1;
        var years = Enumerable.Range(0, 3).Select(i => year - i).Select((y, i) =>
            ($"{y}/{(y + 1) % 100:00}", $"{(i == 0 ? "This financial year so far: " : "Financial year ")}{y}/{(y + 1) % 100:00}"));
        return [.. quarters, .. years];
    }
}
