using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IcsComplaints.ComplaintHandling.Tests;
using IcsComplaints.TestKit;

namespace IcsComplaints.Case.Tests;

/// <summary>
/// Reg 9: a complaint about several organisations gets one co-ordinated response. The lead organisation's case
/// collects each other organisation's section; each signs off its own; the response cannot be signed until all have.
/// </summary>
public sealed class CaseContributionTests(ComplaintHandlingSystem system)
{
    [Fact]
    public async Task Reg9_TheLeadsResponse_WaitsForEachContributorsSignedOffSection_AndCarriesIt()
    {
        using var lead = system.Http(await system.TokenAsync("handler.rj1"));
        using var leadSignatory = system.Http(await system.TokenAsync("responsible.rj1"));
        using var practice = system.Http(await system.TokenAsync("handler.y99901"));
        using var practiceSignatory = system.Http(await system.TokenAsync("responsible.y99901"));
        using var bystander = system.Http(await system.TokenAsync("handler.rjz"));
        using var submitted = await lead.PostAsJsonAsync(new Uri("/api/v1/complaints", UriKind.Relative), new
        {
            organisationCode = "RJ1",
            aboutOrganisationCodes = new[] { "Y99901" },
            channel = "Letter",
            complainant = new { name = "Eve Stone", address = new { line1 = "3 Demo Street", postcode = "SE1 7EH" } },
            description = "The hospital and my GP each said the other would follow up my scan.",
        });
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var reference = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString();
        Guid caseId = default;
        await Eventually.TrueAsync(async () =>
        {
            var items = (await lead.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/cases?reference={reference}", UriKind.Relative))).GetProperty("items");
            caseId = items.GetArrayLength() > 0 ? items[0].GetProperty("caseId").GetGuid() : default;
            return caseId != default;
        }, TimeSpan.FromSeconds(30), "the lead's case opens");

        // The practice sees its part of the lead's case, and nothing else; an uninvolved trust sees nothing.
        var task = await practice.GetFromJsonAsync<JsonElement>(Path(caseId, "contribution"));
        Assert.Equal("RJ1", task.GetProperty("leadOrganisationCode").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await practice.GetAsync(Path(caseId, "detail"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bystander.GetAsync(Path(caseId, "contribution"))).StatusCode);

        await Step(lead, HttpMethod.Post, caseId, "acknowledgement", new { channel = "Letter", discussionOffered = true });
        await Step(lead, HttpMethod.Post, caseId, "early-resolution", new { });
        await Step(lead, HttpMethod.Put, caseId, "response-draft", new
        {
            complaintSummary = "Nobody followed up your scan.", outcomesSought = "To know who is responsible.", investigation = "Both organisations reviewed their records.",
            findings = new[] { new { issue = "Follow-up of the scan", conclusion = "The hospital should have written to you.", reasons = "Its discharge policy.", upheld = true } },
            apology = "We are sorry that nobody followed up your scan.",
            changes = new[] { new { action = "Discharge letters name who follows up", by = "2027-03-31" } },
        });
        using (var early = await Send(leadSignatory, HttpMethod.Post, caseId, "final-response/signature", new { name = "Rhys Responsible", title = "Chief Executive" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
            Assert.Contains("contributions.Y99901", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await Step(practice, HttpMethod.Put, caseId, "contribution", new { text = "The practice received the hospital's letter but it did not ask us to arrange the follow-up." });
        using (var notResponsible = await Send(practice, HttpMethod.Post, caseId, "contribution/sign-off", null))
        {
            Assert.Equal(HttpStatusCode.Forbidden, notResponsible.StatusCode);
        }
        await Step(practiceSignatory, HttpMethod.Post, caseId, "contribution/sign-off", null);
        await Step(leadSignatory, HttpMethod.Post, caseId, "final-response/signature", new { name = "Rhys Responsible", title = "Chief Executive" });

        var letter = await lead.GetStringAsync(Path(caseId, "final-response/letter"));
        Assert.Contains("Demo Street Surgery", letter, StringComparison.Ordinal);
        Assert.Contains("did not ask us to arrange the follow-up", letter, StringComparison.Ordinal);
    }

    private static Uri Path(Guid caseId, string step) => new($"/api/v1/cases/{caseId}/{step}", UriKind.Relative);

    private static async Task<HttpResponseMessage> Send(HttpClient http, HttpMethod method, Guid caseId, string step, object? body)
    {
        using var request = new HttpRequestMessage(method, Path(caseId, step)) { Content = body is null ? null : JsonContent.Create(body) };
        return await http.SendAsync(request);
    }

    private static async Task Step(HttpClient http, HttpMethod method, Guid caseId, string step, object? body)
    {
        using var response = await Send(http, method, caseId, step, body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{step}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
