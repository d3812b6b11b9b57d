using System.Globalization;
using System.Text.RegularExpressions;
using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.Journey;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Staff.Cases;

/// <summary>
/// The work queue of the user's organisation: its cases with what is due, filtered and sorted by a GET form (the
/// filters are no one's personal data), and a search box that is a POST form, because a name, an NHS number or a
/// date of birth must never be in a URL.
/// </summary>
public sealed partial class IndexModel(CaseApis apis) : PageModel
{
    private static readonly string[] DateFormats = ["d/M/yyyy", "d M yyyy", "d-M-yyyy", "d.M.yyyy", "yyyy-MM-dd"];

    [BindProperty(SupportsGet = true)]
    public string? Stage { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? DueWithin { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Missed { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Paused { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Mine { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool IncludeClosed { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty]
    public string? Search { get; set; }

    public IReadOnlyList<CaseView> Cases { get; private set; } = [];

    /// <summary>Complaints found by a personal detail; null when no such search was made.</summary>
    public IReadOnlyList<ComplaintMatch>? Matches { get; private set; }

    /// <summary>What the search looked for, in words (never the value itself, which is already in the box).</summary>
    public string? SearchedBy { get; private set; }

    public FormErrors Errors { get; } = new();

    public static IReadOnlyList<(string Value, string Label)> Stages { get; } =
    [
        ("Received", "Received"), ("Acknowledged", "Acknowledged"), ("EarlyResolution", "Early resolution"), ("CloserLook", "Closer look"),
        ("ResponseDrafted", "Response drafted"), ("FinalResponseSent", "Final response sent"), ("Reopened", "Reopened"),
        ("ReferredToOmbudsman", "Referred to the Ombudsman"), ("Closed", "Closed"),
    ];

    public static IReadOnlyList<(string Value, string Label)> Sorts { get; } =
        [("deadline", "Next deadline"), ("received", "Date received"), ("reference", "Reference"), ("stage", "Stage")];

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ListAsync(null, ct);

    public async Task<IActionResult> OnPostSearchAsync(CancellationToken ct)
    {
        var term = Search?.Trim() ?? "";
        if (term.Length == 0)
        {
            Errors.Add("search", "Enter a reference, a name, an NHS number or a date of birth");
            return await ListAsync(null, ct);
        }
        var digits = new string([.. term.Where(char.IsDigit)]);
        ComplaintSearch? search = null;
        if (digits.Length == 10 && NhsNumberShape().IsMatch(term))
        {
            (search, SearchedBy) = (new ComplaintSearch(null, null, digits, null), "NHS number");
        }
        else if (DateOnly.TryParseExact(term, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var born))
        {
            (search, SearchedBy) = (new ComplaintSearch(null, null, null, born.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), "date of birth");
        }
        else if (digits.Length > 0 && !term.Contains(' ', StringComparison.Ordinal))
        {
            SearchedBy = "reference";
            return await ListAsync(term.ToUpperInvariant(), ct);
        }
        else
        {
            (search, SearchedBy) = (new ComplaintSearch(null, term, null, null), "name");
        }
        var found = await apis.SearchComplaintsAsync(search, ct);
        if (found.Problem is { } problem)
        {
            Errors.AddFrom(problem, [("name", "search"), ("nhsNumber", "search"), ("dateOfBirth", "search"), ("reference", "search")]);
            if (!Errors.Any)
            {
                Errors.Add("search", problem.Detail ?? problem.Title ?? "The search could not be made. Try again.");
            }
        }
        Matches = found.Value?.Items ?? [];
        return await ListAsync(null, ct);
    }

    private async Task<IActionResult> ListAsync(string? reference, CancellationToken ct)
    {
        int? within = null;
        if (!string.IsNullOrWhiteSpace(DueWithin))
        {
            if (int.TryParse(DueWithin.Trim(), CultureInfo.InvariantCulture, out var days))
            {
                within = days;
            }
            else
            {
                Errors.Add("due-within", "Enter the number of working days as a whole number, like 5");
            }
        }
        var query = new CaseQuery(Stage, within, Missed, Paused, Mine, IncludeClosed, Sort, reference);
        var listed = await apis.ListCasesAsync(query, ct);
        if (listed.Refused)
        {
            return Forbid();
        }
        if (listed.Problem is { } problem)
        {
            Errors.AddFrom(problem, [("stage", "stage"), ("dueWithin", "due-within"), ("sort", "sort"), ("reference", "search")]);
            if (!Errors.Any)
            {
                Errors.Add("stage", problem.Detail ?? problem.Title ?? "The work queue could not be filtered like this.");
            }
        }
        Cases = listed.Value?.Items ?? [];
        return Page();
    }

    [GeneratedRegex(@"^[0-9\s-]+$")]
    private static partial Regex NhsNumberShape();
}
