using System.Net.Http.Json;
using System.Text.Json;
using IcsComplaints.TestKit;

namespace IcsComplaints.Portal.Tests;

/// <summary>
/// The people of the staff and advocate journeys: a demo user signed in to the portal in a browser window of their own,
/// and the same user's API calls for setting up what the journey needs (a complaint, a referral).
/// </summary>
internal static class Personas
{
    /// <summary>A new browser window signed in as the demo user, on their home page.</summary>
    public static async Task<Journey> SignInAsync(PortalSystem system, Browser browser, string userName, string prefix, bool keyboardOnly = false)
    {
        var journey = new Journey(await browser.NewPageAsync(system.PublicAddress), prefix, keyboardOnly);
        await journey.Page.GotoAsync("/sign-in");
        await journey.FillAsync("userName", userName);
        await journey.FillAsync("password", system.DemoPassword);
        await journey.PressAsync("Sign in", "home");
        return journey;
    }

    /// <summary>The gateway as the demo user, with their token.</summary>
    public static async Task<HttpClient> ApiAsync(PortalSystem system, string userName) => system.GatewayHttp(await system.TokenAsync(userName));

    /// <summary>
    /// A complaint recorded by the handler of <paramref name="organisation"/> (by letter, from a complainant in SE1),
    /// and its case once open: (reference, case id).
    /// </summary>
    public static async Task<(string Reference, Guid CaseId)> RecordComplaintAsync(PortalSystem system, string organisation, string complainant, object? extra = null)
    {
        using var handler = await ApiAsync(system, "handler." + organisation.ToLowerInvariant());
        var body = new Dictionary<string, object?>
        {
            ["organisationCode"] = organisation,
            ["channel"] = "Letter",
            ["complainant"] = new
            {
                name = complainant, email = "client@example.org", phone = "020 7946 0000", contactPreference = "Email",
                address = new { line1 = "9 Demo Road", town = "London", postcode = "SE1 7EH" },
            },
            ["description"] = "Nobody told me the result of my scan.",
        };
        foreach (var (key, value) in extra is null ? [] : JsonSerializer.SerializeToElement(extra).EnumerateObject().Select(p => (p.Name, (object?)p.Value)))
        {
            body[key] = value;
        }
        using var submitted = await handler.PostAsJsonAsync(new Uri("/api/v1/complaints", UriKind.Relative), body);
        Assert.True(submitted.IsSuccessStatusCode, $"recording the complaint: {(int)submitted.StatusCode} {await submitted.Content.ReadAsStringAsync()}");
        var reference = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString()!;
        var caseId = Guid.Empty;
        await Eventually.TrueAsync(async () =>
        {
            var items = (await handler.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/cases?reference={reference}", UriKind.Relative))).GetProperty("items");
            caseId = items.GetArrayLength() > 0 ? items[0].GetProperty("caseId").GetGuid() : Guid.Empty;
            return caseId != Guid.Empty;
        }, TimeSpan.FromSeconds(60), "the complaint's case opens");
        return (reference, caseId);
    }

    /// <summary>
    /// The RJ1 handler refers the case to the advocacy service of the complainant's area (SE1: ADV01), with their written
    /// consent; the referral as the API answers it. The advocacy service learns of the case from the case service's
    /// event a moment after it opens, and refuses a referral until then, so it is asked again.
    /// </summary>
    public static async Task<JsonElement> ReferAsync(PortalSystem system, Guid caseId)
    {
        using var handler = await ApiAsync(system, "handler.rj1");
        JsonElement referral = default;
        await Eventually.TrueAsync(async () =>
        {
            using var referred = await handler.PostAsJsonAsync(new Uri("/api/v1/advocacy/referrals", UriKind.Relative), new
            {
                caseId, postcode = "SE1 7EH", consent = new { viewCase = true, reviewDrafts = true, evidence = "Written" },
            });
            if (referred.StatusCode != System.Net.HttpStatusCode.Created)
            {
                return false;
            }
            referral = (await referred.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items")[0];
            return true;
        }, TimeSpan.FromSeconds(30), "the advocacy service accepts the referral");
        return referral;
    }

    /// <summary>A step on a case taken over the API by a demo user, which must succeed.</summary>
    public static async Task TakeStepAsync(PortalSystem system, string userName, Guid caseId, string step, object body, bool put = false)
    {
        using var http = await ApiAsync(system, userName);
        var path = new Uri($"/api/v1/cases/{caseId}/{step}", UriKind.Relative);
        using var taken = put ? await http.PutAsJsonAsync(path, body) : await http.PostAsJsonAsync(path, body);
        Assert.True(taken.IsSuccessStatusCode, $"{step}: {(int)taken.StatusCode} {await taken.Content.ReadAsStringAsync()}");
    }
}
