using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IcsComplaints.ComplaintHandling.Tests;
using IcsComplaints.TestKit;

namespace IcsComplaints.Case.Tests;

/// <summary>
/// Reg 9: an organisation asked to contribute to a co-ordinated response led by another finds, in one list, what it
/// owes and by when; nobody else sees its list.
/// </summary>
public sealed class CaseContributionListTests(ComplaintHandlingSystem system)
{
    private static readonly Uri Contributions = new("/api/v1/cases/contributions", UriKind.Relative);

    [Fact]
    public async Task A_contributing_organisation_lists_what_it_owes_and_sees_its_sign_off_while_others_see_none_of_it()
    {
        using var lead = system.Http(await system.TokenAsync("handler.rj1"));
        using var practice = system.Http(await system.TokenAsync("handler.y99901"));
        using var practiceSignatory = system.Http(await system.TokenAsync("responsible.y99901"));
        using var bystander = system.Http(await system.TokenAsync("handler.rjz"));
        using var advocate = system.Http(await system.TokenAsync("advocate.adv01"));
        using var submitted = await lead.PostAsJsonAsync(new Uri("/api/v1/complaints", UriKind.Relative), new
        {
            organisationCode = "RJ1",
            aboutOrganisationCodes = new[] { "Y99901" },
            channel = "Letter",
            complainant = new { name = "Ida Lister", address = new { line1 = "5 Demo Street", postcode = "SE1 7EH" } },
            description = "Neither the hospital nor the practice sent my referral on.",
        });
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var reference = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString();

        JsonElement owed = default;
        await Eventually.TrueAsync(async () =>
        {
            var items = (await practice.GetFromJsonAsync<JsonElement>(Contributions)).GetProperty("items");
            owed = items.EnumerateArray().FirstOrDefault(i => i.GetProperty("reference").GetString() == reference);
            return owed.ValueKind == JsonValueKind.Object;
        }, TimeSpan.FromSeconds(30), "the practice's contribution is listed");
        Assert.Equal("RJ1", owed.GetProperty("leadOrganisationCode").GetString());
        Assert.False(owed.TryGetProperty("signedOffOn", out var notYet) && notYet.ValueKind != JsonValueKind.Null, "not signed off yet");
        var caseId = owed.GetProperty("caseId").GetGuid();

        // The lead's own staff and an uninvolved trust are not contributors to it; an advocate has no organisation's list.
        Assert.DoesNotContain((await lead.GetFromJsonAsync<JsonElement>(Contributions)).GetProperty("items").EnumerateArray(), i => i.GetProperty("caseId").GetGuid() == caseId);
        Assert.DoesNotContain((await bystander.GetFromJsonAsync<JsonElement>(Contributions)).GetProperty("items").EnumerateArray(), i => i.GetProperty("caseId").GetGuid() == caseId);
        Assert.Equal(HttpStatusCode.Forbidden, (await advocate.GetAsync(Contributions)).StatusCode);
        using (var unknown = await practice.GetAsync(new Uri("/api/v1/cases/contributions?nhsNumber=9434765919", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
            Assert.Contains("nhsNumber", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var saved = await practice.PutAsJsonAsync(new Uri($"/api/v1/cases/{caseId}/contribution", UriKind.Relative), new { text = "The practice never received the referral." }))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        }
        using (var signed = await practiceSignatory.PostAsync(new Uri($"/api/v1/cases/{caseId}/contribution/sign-off", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        }
        var after = (await practice.GetFromJsonAsync<JsonElement>(Contributions)).GetProperty("items").EnumerateArray().Single(i => i.GetProperty("caseId").GetGuid() == caseId);
        Assert.Equal("The practice never received the referral.", after.GetProperty("text").GetString());
        Assert.NotEqual(JsonValueKind.Null, after.GetProperty("signedOffOn").ValueKind);
    }
}
