using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.Journey;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Staff.Cases;

/// <summary>
/// The draft final response, section by section, with what the case service says it still lacks beside the section
/// concerned and the advocate's comments on the last version they reviewed. "Save" keeps it private; sharing is a
/// separate button that saves and then asks for confirmation.
/// </summary>
public sealed partial class ResponseModel(CaseApis apis) : PageModel
{
    /// <summary>The sections written as a whole, by input id and API name, in the letter's order.</summary>
    public static readonly IReadOnlyList<(string Id, string Api, string Label, string Hint)> Sections =
    [
        ("complaint-summary", "complaintSummary", "Summary of the complaint", "The complaint as you understood it."),
        ("outcomes-sought", "outcomesSought", "Outcomes sought", "What the complainant wanted to achieve."),
        ("investigation", "investigation", "The investigation", "How it was looked into and what evidence was considered."),
    ];

    /// <summary>The sections after the findings.</summary>
    public static readonly IReadOnlyList<(string Id, string Api, string Label, string Hint)> ClosingSections =
    [
        ("apology", "apology", "Apology", "A meaningful apology for what went wrong, not for how the complainant feels."),
        ("remedy", "remedy", "Remedy", "How things will be put right for the complainant, if at all."),
    ];

    private static readonly string[] FindingParts = ["conclusion", "reasons", "upheld"];

    [FromRoute]
    public Guid CaseId { get; set; }

    [FromQuery(Name = "saved")]
    public bool Saved { get; set; }

    public CaseDetail Case { get; private set; } = null!;

    public Dictionary<string, string> Values { get; } = [];

    public int FindingSlots { get; private set; }

    public int ChangeSlots { get; private set; }

    public FormErrors Errors { get; } = new();

    /// <summary>What the draft still lacks before it can be signed, by section (API name) and item.</summary>
    public ILookup<string, string> Missing { get; private set; } = Array.Empty<string>().ToLookup(x => x);

    /// <summary>The advocate's comments on the last version they commented on, by section.</summary>
    public ILookup<string, ReviewComment> Comments { get; private set; } = Array.Empty<ReviewComment>().ToLookup(x => x.Section);

    /// <summary>The version those comments are about.</summary>
    public int? CommentedVersion { get; private set; }

    /// <summary>The advocate's verdict on the last version they finished reviewing, in words.</summary>
    public string? AdvocateVerdict { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        Fill(Case.Draft);
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(CancellationToken ct) => SaveAsync($"/staff/cases/{CaseId}/response?saved=true", ct);

    public Task<IActionResult> OnPostShareAsync(CancellationToken ct) => SaveAsync($"/staff/cases/{CaseId}/response/share", ct);

    public string Value(string id) => Values.GetValueOrDefault(id, "");

    private async Task<IActionResult> SaveAsync(string then, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        foreach (var (key, value) in Request.Form)
        {
            Values[key] = value.ToString();
        }
        FindingSlots = Count("finding-", "-issue");
        ChangeSlots = Count("change-", "-action");
        var saved = await apis.SaveDraftAsync(CaseId, Body(), ct);
        if (saved.Problem is { } problem)
        {
            foreach (var (key, messages) in problem.Errors)
            {
                foreach (var message in messages)
                {
                    Errors.Add(InputId(key), message);
                }
            }
            if (!Errors.Any)
            {
                Errors.Add("complaint-summary", problem.Detail ?? problem.Title ?? "The draft could not be saved. Try again.");
            }
            return Page();
        }
        return Redirect(then);
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if ((await apis.DetailAsync(CaseId, ct)).Value is not { } detail)
        {
            return false;
        }
        Case = detail;
        Missing = (detail.MissingFromResponse ?? []).Select(m => m.Split(": ", 2)).Where(p => p.Length == 2).ToLookup(p => p[0], p => p[1], StringComparer.Ordinal);
        var reviews = (await apis.ReviewsAsync(CaseId, ct)).Value?.Items ?? [];
        if (reviews.Where(r => r.Comments is { Count: > 0 }).MaxBy(r => r.Version) is { } commented)
        {
            CommentedVersion = commented.Version;
            Comments = commented.Comments!.ToLookup(c => c.Section, StringComparer.Ordinal);
        }
        if (reviews.Where(r => r.Verdict is not null).MaxBy(r => r.Version) is { } finished)
        {
            AdvocateVerdict = CaseModel.Verdict(finished.Verdict, finished.Version);
        }
        return true;
    }

    // The draft as saved, with one empty finding and change to add, and a finding for each issue of the plan.
    private void Fill(ResponseDraft? draft)
    {
        foreach (var (id, api, _, _) in Sections.Concat(ClosingSections))
        {
            Values[id] = api switch
            {
                "complaintSummary" => draft?.ComplaintSummary,
                "outcomesSought" => draft?.OutcomesSought ?? (Case.Plan is { } plan ? string.Join("\n", plan.OutcomesSought) : null),
                "investigation" => draft?.Investigation,
                "apology" => draft?.Apology,
                _ => draft?.Remedy,
            } ?? "";
        }
        var findings = draft?.Findings ?? [];
        var issues = Case.Plan?.Issues ?? [];
        FindingSlots = Math.Max(findings.Count + 1, issues.Count);
        for (var i = 0; i < FindingSlots; i++)
        {
            var f = findings.ElementAtOrDefault(i);
            Values[$"finding-{i}-issue"] = f?.Issue ?? issues.Where(x => !findings.Any(g => g.Issue == x)).ElementAtOrDefault(i - findings.Count) ?? "";
            Values[$"finding-{i}-conclusion"] = f?.Conclusion ?? "";
            Values[$"finding-{i}-reasons"] = f?.Reasons ?? "";
            Values[$"finding-{i}-upheld"] = f is null ? "" : f.Upheld ? "yes" : "no";
        }
        var changes = draft?.Changes ?? [];
        ChangeSlots = changes.Count + 1;
        for (var i = 0; i < changes.Count; i++)
        {
            Values[$"change-{i}-action"] = changes[i].Action;
            Values[$"change-{i}-by.Day"] = changes[i].By.Day.ToString(CultureInfo.InvariantCulture);
            Values[$"change-{i}-by.Month"] = changes[i].By.Month.ToString(CultureInfo.InvariantCulture);
            Values[$"change-{i}-by.Year"] = changes[i].By.Year.ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>The date typed for a change.</summary>
    public DateParts ChangeBy(int i) =>
        new() { Day = Value($"change-{i}-by.Day"), Month = Value($"change-{i}-by.Month"), Year = Value($"change-{i}-by.Year") };

    // A finding is sent once something is written beyond the issue the plan suggested; a change once its action is.
    private JsonObject Body()
    {
        var body = new JsonObject();
        foreach (var (id, api, _, _) in Sections.Concat(ClosingSections))
        {
            body[api] = string.IsNullOrWhiteSpace(Value(id)) ? null : Value(id);
        }
        var findings = new JsonArray();
        for (var i = 0; i < FindingSlots; i++)
        {
            if (FindingParts.All(p => string.IsNullOrWhiteSpace(Value($"finding-{i}-{p}"))))
            {
                continue;
            }
            findings.Add(new JsonObject
            {
                ["issue"] = Value($"finding-{i}-issue"),
                ["conclusion"] = Value($"finding-{i}-conclusion"),
                ["reasons"] = Value($"finding-{i}-reasons"),
                ["upheld"] = Value($"finding-{i}-upheld") switch { "yes" => true, "no" => false, _ => null },
            });
        }
        body["findings"] = findings;
        var changes = new JsonArray();
        for (var i = 0; i < ChangeSlots; i++)
        {
            if (!string.IsNullOrWhiteSpace(Value($"change-{i}-action")))
            {
                changes.Add(new JsonObject { ["action"] = Value($"change-{i}-action"), ["by"] = ChangeBy(i).ToIso() });
            }
        }
        body["changes"] = changes;
        return body;
    }

    private int Count(string prefix, string suffix) => Values.Keys.Count(k => k.StartsWith(prefix, StringComparison.Ordinal) && k.EndsWith(suffix, StringComparison.Ordinal));

    /// <summary>The input an API field is asked in: <c>findings[2].reasons</c> is <c>finding-2-reasons</c>.</summary>
    public static string InputId(string apiField)
    {
        ArgumentNullException.ThrowIfNull(apiField);
        var item = ItemField().Match(apiField);
        if (item.Success)
        {
            var kind = item.Groups[1].Value == "findings" ? "finding" : "change";
            return $"{kind}-{item.Groups[2].Value}-{(item.Groups[3].Success ? item.Groups[3].Value : "issue")}";
        }
        return Sections.Concat(ClosingSections).FirstOrDefault(s => s.Api.Equals(apiField, StringComparison.OrdinalIgnoreCase)).Id
            ?? (apiField.StartsWith("changes", StringComparison.Ordinal) ? "change-0-action" : apiField.StartsWith("findings", StringComparison.Ordinal) ? "finding-0-issue" : "complaint-summary");
    }

    [GeneratedRegex(@"^(findings|changes)\[(\d+)\](?:\.(\w+))?$")]
    private static partial Regex ItemField();
}
