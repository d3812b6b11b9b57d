using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IcsComplaints.Intake.Contracts;
using IcsComplaints.TestKit;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.EndToEnd.Tests;

/// <summary>
/// Someone who complained online asks for advocacy without an account, proving who they are with the reference and
/// the status secret they were given: their own consent (domain.md §5), the service of their area or one they chose,
/// one referral however often they ask, nothing learned from a wrong pair, and the same rate limit as the progress check.
/// </summary>
public sealed class SelfReferralTests(IcsSystem system)
{
    private const string Path = "/api/v1/advocacy/self-referrals";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task TheComplainant_AsksWithTheirReferenceAndSecret_AndGetsOneReferral_UnderTheirOwnConsent_HoweverOftenTheyAsk()
    {
        using var anonymous = system.GatewayHttp();
        using var handler = system.GatewayHttp(await system.TokenAsync("handler.rj1"));
        var (reference, secret) = await ComplainOnlineAsync(anonymous, postcode: "SE1 7EH");
        await CaseKnownToAdvocacyAsync(reference);

        // A double-click: two identical requests at once make one referral, and both are told of it.
        var body = new { reference, reviewDrafts = true };
        var first = await Task.WhenAll(SendAsync(anonymous, secret, body), SendAsync(anonymous, secret, body));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Created], first.Select(r => r.Status).Order());
        foreach (var (_, referral) in first)
        {
            // No service was named: the one covering the postcode given with the complaint.
            Assert.Equal(("ADV01", "Requested", true, true), (
                referral.GetProperty("advocacyService").GetProperty("code").GetString(), referral.GetProperty("status").GetString(),
                referral.GetProperty("viewCase").GetBoolean(), referral.GetProperty("reviewDrafts").GetBoolean()));
            Assert.Equal(reference, referral.GetProperty("reference").GetString());
        }

        // Asking again later, even for another service, gets the referral already made.
        var again = await SendAsync(anonymous, secret, new { reference = reference.ToLowerInvariant(), advocacyServiceCode = "ADV02" });
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal(first[0].Body.GetRawText(), again.Body.GetRawText());

        var caseId = await CaseIdAsync(reference);
        var seen = (await ApiCalls.GetAsync(handler, $"/api/v1/advocacy/referrals?caseId={caseId}")).GetProperty("items");
        var only = Assert.Single(seen.EnumerateArray());
        Assert.Equal(("Complainant", "ADV01", "Electronic", true), (
            only.GetProperty("requestedBy").GetString(), only.GetProperty("advocacyServiceCode").GetString(),
            only.GetProperty("grant").GetProperty("evidence").GetString(), only.GetProperty("grant").GetProperty("reviewDrafts").GetBoolean()));
        var grants = await system.InAdvocacyDb(db => db.Grants.Where(g => g.CaseId == caseId).Select(g => g.RecordedBy).ToListAsync());
        Assert.Equal(["complainant:reference-and-status-secret"], grants);
    }

    [Fact]
    public async Task TheComplainant_MayChooseTheirService_OrNameTheirArea_WhenTheyGaveNoPostcode()
    {
        using var anonymous = system.GatewayHttp();
        var (chosenReference, chosenSecret) = await ComplainOnlineAsync(anonymous, postcode: "SE1 7EH");
        var (areaReference, areaSecret) = await ComplainOnlineAsync(anonymous, postcode: null);
        await CaseKnownToAdvocacyAsync(chosenReference);
        await CaseKnownToAdvocacyAsync(areaReference);

        var chosen = await SendAsync(anonymous, chosenSecret, new { reference = chosenReference, advocacyServiceCode = "adv02" });
        var byArea = await SendAsync(anonymous, areaSecret, new { reference = areaReference, postcode = "se1 7eh", viewCase = true });

        Assert.Equal((HttpStatusCode.Created, "ADV02"), (chosen.Status, chosen.Body.GetProperty("advocacyService").GetProperty("code").GetString()));
        Assert.Equal((HttpStatusCode.Created, "ADV01", false), (
            byArea.Status, byArea.Body.GetProperty("advocacyService").GetProperty("code").GetString(), byArea.Body.GetProperty("reviewDrafts").GetBoolean()));
    }

    [Fact]
    public async Task AWrongSecretOrReference_Answers404_TellingNothing_AndRecordsNothing()
    {
        using var anonymous = system.GatewayHttp();
        var (reference, secret) = await ComplainOnlineAsync(anonymous, postcode: "SE1 7EH");
        var (otherReference, _) = await ComplainOnlineAsync(anonymous, postcode: "SE1 7EH");
        await CaseKnownToAdvocacyAsync(reference);

        var wrongSecret = await SendAsync(anonymous, secret + "x", new { reference });
        var otherComplaint = await SendAsync(anonymous, secret, new { reference = otherReference });
        var noSuchReference = await SendAsync(anonymous, secret, new { reference = ComplaintReference.New() });

        Assert.All([wrongSecret, otherComplaint, noSuchReference], r => Assert.Equal(HttpStatusCode.NotFound, r.Status));
        // Whether the reference exists or not, the answer is the same but for its trace id.
        Assert.Equal(WithoutTraceId(noSuchReference.Body), WithoutTraceId(wrongSecret.Body));
        var caseIds = new[] { await CaseIdAsync(reference), await CaseIdAsync(otherReference) };
        Assert.Equal(0, await system.InAdvocacyDb(db => db.Referrals.CountAsync(r => caseIds.Contains(r.CaseId))));
    }

    [Fact]
    public async Task BadInput_GetsAnErrorForEachField_AndRecordsNothing()
    {
        using var anonymous = system.GatewayHttp();
        var (reference, secret) = await ComplainOnlineAsync(anonymous, postcode: null);
        await CaseKnownToAdvocacyAsync(reference);

        // Checked before the secret, so they reveal nothing about any complaint.
        var malformed = await SendAsync(anonymous, null, new { reference = "not a reference", postcode = "nowhere", advocacyServiceCode = "!!", localAuthorityCode = "??" });
        Assert.Equal(HttpStatusCode.BadRequest, malformed.Status);
        Assert.Equal(
            ["X-Complaint-Secret", "advocacyServiceCode", "localAuthorityCode", "postcode", "reference"],
            malformed.Body.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        var unknownField = await SendAsync(anonymous, secret, new { reference, consent = "yes" });
        Assert.Equal(HttpStatusCode.BadRequest, unknownField.Status);
        Assert.True(unknownField.Body.GetProperty("errors").TryGetProperty("consent", out _), unknownField.Body.GetRawText());

        // Checked once the secret is proven: the complaint gave no postcode, and the service or area must be known.
        var noArea = await SendAsync(anonymous, secret, new { reference });
        var unknownService = await SendAsync(anonymous, secret, new { reference, advocacyServiceCode = "ZZZ99" });
        var uncoveredArea = await SendAsync(anonymous, secret, new { reference, postcode = "ZE1 0AA" });
        Assert.Equal(
            [(HttpStatusCode.BadRequest, "advocacyServiceCode"), (HttpStatusCode.BadRequest, "advocacyServiceCode"), (HttpStatusCode.BadRequest, "postcode")],
            new[] { noArea, unknownService, uncoveredArea }.Select(r => (r.Status, r.Body.GetProperty("errors").EnumerateObject().Single().Name)));

        var caseId = await CaseIdAsync(reference);
        Assert.Equal(0, await system.InAdvocacyDb(db => db.Grants.CountAsync(g => g.CaseId == caseId)));
    }

    [Fact]
    public async Task TheRoute_IsPublicAtTheGateway_AndLimitedPerClientAddress_LikeTheProgressCheck()
    {
        using var http = system.LimitedGateway.CreateHttpClient();
        var reference = ComplaintReference.New();
        async Task<HttpStatusCode> AskAsync(string client)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = JsonContent.Create(new { reference }) };
            request.Headers.Add("X-Complaint-Secret", "not-the-secret");
            request.Headers.Add("X-Forwarded-For", client);
            using var response = await http.SendAsync(request);
            return response.StatusCode;
        }

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add(await AskAsync("198.51.100.41"));
        }

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.NotFound, await AskAsync("198.51.100.42"));
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpClient http, string? secret, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        if (secret is not null)
        {
            request.Headers.Add("X-Complaint-Secret", secret);
        }
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private static string WithoutTraceId(JsonElement problem) =>
        string.Join(",", problem.EnumerateObject().Where(p => p.Name != "traceId").Select(p => $"{p.Name}={p.Value.GetRawText()}"));

    private static async Task<(string Reference, string Secret)> ComplainOnlineAsync(HttpClient anonymous, string? postcode)
    {
        var submitted = await ApiCalls.PostAsync(anonymous, "/api/v1/complaints", new
        {
            organisationCode = "RJ1",
            complainant = postcode is null
                ? (object)new { name = "Grace Hopper" }
                : new { name = "Grace Hopper", address = new { line1 = "1 Example Street", town = "London", postcode } },
            description = "Nobody told me my operation was cancelled.",
        }, HttpStatusCode.Created);
        return (submitted.GetProperty("reference").GetString()!, submitted.GetProperty("statusSecret").GetString()!);
    }

    // The advocacy-referral service learns of the case from the case service's event, and intake of the case it follows.
    private async Task CaseKnownToAdvocacyAsync(string reference) =>
        await Eventually.TrueAsync(
            async () => await system.InAdvocacyDb(db => db.Cases.AnyAsync(c => c.Reference == reference))
                && await system.InIntakeDb(db => db.Complaints.AnyAsync(c => c.Reference == reference && c.CaseId != null)),
            Patience, "the case is open and known to intake and the advocacy-referral service");

    private async Task<Guid> CaseIdAsync(string reference)
    {
        Guid caseId = default;
        await Eventually.TrueAsync(async () =>
        {
            caseId = await system.InAdvocacyDb(db => db.Cases.Where(c => c.Reference == reference).Select(c => c.CaseId).FirstOrDefaultAsync());
            return caseId != default;
        }, Patience, "the advocacy-referral service knows the case");
        return caseId;
    }
}
