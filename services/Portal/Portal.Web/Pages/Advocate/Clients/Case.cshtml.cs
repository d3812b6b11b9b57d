using System.Text.Json;
using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.Journey;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Advocate.Clients;

/// <summary>
/// A client's complaint as the complainant's consent lets their advocate see it: who they are and how to reach them,
/// where the complaint stands, and after closure the final response. The case service asks the advocacy-referral
/// service about the consent at every view; once it has ended the page says so, with the date, and shows nothing else.
/// </summary>
public sealed class CaseModel(AdvocacyApis apis) : PageModel
{
    public AdvocateCase? Case { get; private set; }

    /// <summary>The case service's words about when and why access ended, when it has.</summary>
    public string? AccessEnded { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid caseId, CancellationToken ct)
    {
        var found = await apis.ClientCaseAsync(caseId, ct);
        if (found.Value is { } view)
        {
            Case = view;
            return Page();
        }
        if (found.Problem is { Status: 403, Title: "Access ended" } ended)
        {
            AccessEnded = ended.Detail ?? "The complainant's consent for your service has ended.";
            return Page();
        }
        return NotFound();
    }

    /// <summary>How the complainant prefers to be contacted, in words.</summary>
    public static string ContactMethod(string method) => method switch
    {
        "Text" => "Text message",
        _ => method,
    };

    /// <summary>The reasonable adjustments asked for, in words, with the interpreter's language.</summary>
    public static string Adjustments(IReadOnlyList<string> needs, string? language) => string.Join(", ", needs.Select(n =>
        n == "Interpreter" && language is not null ? $"An interpreter ({language})" : AdjustmentNeeds.LabelOf(n)));

    /// <summary>A stage in words.</summary>
    public static string StageName(string stage) => stage switch
    {
        "Received" => "Received, not yet acknowledged",
        "Acknowledged" => "Acknowledged",
        "EarlyResolution" => "Being resolved early",
        "CloserLook" => "Being looked into",
        "ResponseDrafted" => "Response being written",
        "FinalResponseSent" => "Final response sent",
        "Closed" => "Closed",
        _ => stage,
    };

    /// <summary>
    /// The final response as headed sections: the letter's text as it stands, or each section of a structured
    /// response under its name.
    /// </summary>
    public static IEnumerable<(string? Heading, string Text)> Sections(JsonElement response)
    {
        if (response.ValueKind == JsonValueKind.String)
        {
            yield return (null, response.GetString() ?? "");
            yield break;
        }
        if (response.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }
        foreach (var property in response.EnumerateObject())
        {
            var text = Text(property.Value);
            if (!string.IsNullOrWhiteSpace(text))
            {
                yield return (Heading(property.Name), text);
            }
        }
    }

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.Array => string.Join("\n\n", value.EnumerateArray().Select(Text).Where(t => t.Length > 0)),
        JsonValueKind.Object => string.Join("\n", value.EnumerateObject().Select(p => Text(p.Value)).Where(t => t.Length > 0)),
        JsonValueKind.True => "Yes",
        JsonValueKind.False => "No",
        JsonValueKind.Number => value.ToString(),
        _ => "",
    };

    // complaintSummary → "Complaint summary".
    private static string Heading(string name)
    {
        var words = System.Text.RegularExpressions.Regex.Replace(name, "(?<=[a-z])(?=[A-Z])", " ").ToLowerInvariant();
        return words.Length == 0 ? name : char.ToUpperInvariant(words[0]) + words[1..];
    }
}
