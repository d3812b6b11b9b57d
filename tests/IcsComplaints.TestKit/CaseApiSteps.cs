using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace IcsComplaints.TestKit;

/// <summary>The REST calls the case tests make as a complaints team would: record a complaint, wait for its case, take steps.</summary>
public static class CaseApiSteps
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static Uri Path(Guid caseId, string step) => new($"/api/v1/cases/{caseId}/{step}", UriKind.Relative);

    /// <summary>Records a letter complaint at RJ1 received on <paramref name="received"/> and returns its case, once it has opened.</summary>
    public static async Task<Guid> OpenCaseAsync(HttpClient http, DateOnly received, string complainant = "Nora Backdate", string email = "nora@example.org")
    {
        using var response = await http.PostAsJsonAsync(new Uri("/api/v1/complaints", UriKind.Relative), new
        {
            organisationCode = "RJ1",
            channel = "Letter",
            receivedOn = Iso(received),
            complainant = new { name = complainant, email },
            description = "My follow-up appointment was cancelled twice and nobody said why.",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await CaseIdAsync(http, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString()!);
    }

    /// <summary>The case of the complaint with the reference, once it has opened.</summary>
    public static async Task<Guid> CaseIdAsync(HttpClient http, string reference)
    {
        Guid id = default;
        await Eventually.TrueAsync(async () =>
        {
            var items = (await http.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/cases?reference={reference}", UriKind.Relative))).GetProperty("items");
            if (items.GetArrayLength() == 0)
            {
                return false;
            }
            id = items[0].GetProperty("caseId").GetGuid();
            return true;
        }, Patience, "the case opens");
        return id;
    }

    /// <summary>Takes a step that must succeed, and returns the case's detail.</summary>
    public static async Task<JsonElement> StepAsync(HttpClient http, Guid caseId, string step, object body, bool put = false)
    {
        using var response = put ? await http.PutAsJsonAsync(Path(caseId, step), body) : await http.PostAsJsonAsync(Path(caseId, step), body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{step}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Takes a step that must be refused with a field error on <paramref name="field"/>.</summary>
    public static async Task RefusedAsync(HttpClient http, Guid caseId, string step, object body, string field)
    {
        using var response = await http.PostAsJsonAsync(Path(caseId, step), body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{step}: expected 400, got {(int)response.StatusCode} {text}");
        Assert.Contains(field, JsonDocument.Parse(text).RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }

    /// <summary>
    /// Takes a case resolved early from acknowledgement to its final response sent on <paramref name="sentOn"/>,
    /// committing to <paramref name="changes"/> (by default, one change due 30 days later).
    /// </summary>
    public static async Task SendEarlyResponseAsync(
        HttpClient handler, HttpClient responsible, Guid caseId, DateOnly received, DateOnly sentOn, IReadOnlyList<(string Action, DateOnly By)>? changes = null)
    {
        changes ??= [("Letters give the reason.", sentOn.AddDays(30))];
        await StepAsync(handler, caseId, "acknowledgement", new { acknowledgedOn = Iso(received.AddDays(1)), channel = "Letter", discussionOffered = true });
        await StepAsync(handler, caseId, "early-resolution", new { startedOn = Iso(received.AddDays(2)) });
        await StepAsync(handler, caseId, "response-draft", new
        {
            complaintSummary = "You told us the follow-up appointment was cancelled twice.",
            outcomesSought = "An explanation.",
            investigation = "We read the booking records.",
            findings = new[] { new { issue = "Cancelled appointments", conclusion = "They were cancelled without a reason given.", reasons = "The booking records.", upheld = true } },
            apology = "We are sorry.",
            changes = changes.Select(c => new { action = c.Action, by = Iso(c.By) }).ToArray(),
        }, put: true);
        await StepAsync(responsible, caseId, "final-response/signature", new { name = "Rhys Responsible", title = "Chief Executive", signedOn = Iso(sentOn) });
        await StepAsync(handler, caseId, "final-response/sending", new { channel = "Letter", sentOn = Iso(sentOn) });
    }
}
