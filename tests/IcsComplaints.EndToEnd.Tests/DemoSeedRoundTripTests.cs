using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using IcsComplaints.DemoSeed;
using IcsComplaints.TestKit;

namespace IcsComplaints.EndToEnd.Tests;

/// <summary>
/// tools/DemoSeed against the real services: a sample of the generated demo year (a closer look and an early
/// resolution each drafted and signed, a complaint made to the ICB and transferred with consent) is recorded and
/// stepped through the gateway as the demo users, and a second run adds nothing; a slice whose responses were sent on
/// their own days shows on the ICB commissioner's oversight.
/// </summary>
public sealed class DemoSeedRoundTripTests(IcsSystem system)
{
    [Fact]
    public async Task AGeneratedSample_IsRecordedAndSteppedThroughTheServices_AndASecondRunAddsNothing()
    {
        var year = DemoYear.Generate(DemoYear.DefaultSeed);
        var sample = new[]
        {
            year.First(c => Paths(c).Contains("cases/{caseId}/closer-look") && Paths(c).Contains("cases/{caseId}/final-response/signature")),
            year.First(c => Paths(c).Contains("cases/{caseId}/early-resolution") && Paths(c).Contains("cases/{caseId}/final-response/signature")),
            year.First(c => Paths(c).FirstOrDefault() == "complaints/{complaintId}/routing" && Paths(c).Count > 2),
        };
        // Keys of their own, so this test's complaints never meet another run's under the same demo user.
        var keyed = sample.Select(c => { var copy = c.DeepClone().AsObject(); copy["idempotencyKey"] = $"round-trip-{Guid.NewGuid()}"; return copy; });
        var fixture = DemoFixture.Parse(new JsonObject { ["complaints"] = new JsonArray([.. keyed]) }.ToJsonString(), "sample");
        var today = DateOnly.FromDateTime(DateTime.Now);
        var ct = TestContext.Current.CancellationToken;
        using var http = new HttpClient(new TokensFromIdentity(system.Identity.HttpAddress)) { BaseAddress = system.Gateway.HttpAddress };
        var log = new StringWriter();

        var first = await new DemoSeeder(http, system.DemoPassword, log).SeedAsync(fixture, today, ct);
        var second = await new DemoSeeder(http, system.DemoPassword, log).SeedAsync(fixture, today, ct);

        Assert.True(first.Complaints.All(o => o == SeedOutcome.Recorded) && first.Steps.All(o => o == SeedOutcome.Recorded), log.ToString());
        Assert.Equal(fixture.Complaints.Sum(c => c.Steps.Count), first.Steps.Count);
        Assert.True(second.Complaints.All(o => o == SeedOutcome.AlreadyRecorded) && second.Steps.All(o => o == SeedOutcome.AlreadyRecorded), log.ToString());
        // The transferred complaint's case is the provider's, at the stage its last step left it.
        var transferred = fixture.Complaints[2];
        var provider = transferred.Request["aboutOrganisationCodes"]![0]!.GetValue<string>();
        using var handler = system.GatewayHttp(await system.TokenAsync($"handler.{provider.ToLowerInvariant()}"));
        var reference = log.ToString().Split('\n').Single(l => l.StartsWith($"demo complaint {transferred.IdempotencyKey} by handler.qkk: recorded as ", StringComparison.Ordinal)).Split(' ')[^1].Trim();
        var cases = await handler.GetFromJsonAsync<JsonElement>($"/api/v1/cases?reference={reference}", ct);
        var found = Assert.Single(cases.GetProperty("items").EnumerateArray());
        Assert.Equal(provider, found.GetProperty("organisationCode").GetString());
        Assert.NotEqual(DemoStepRunner.FirstStage, found.GetProperty("stage").GetString());
    }

    [Fact]
    public async Task AGeneratedSliceWithItsResponsesSent_ShowsOnTheCommissionersOversight_AsAgreedDatesKept_OutcomesAndAnOmbudsmanReferral()
    {
        var year = DemoYear.Generate(DemoYear.DefaultSeed);
        var today = DateOnly.FromDateTime(DateTime.Now);
        // Received within the year the oversight covers, sent after a closer look with a date agreed (one renegotiated),
        // and one taken on to the Ombudsman.
        var recent = year.Where(c => DateOnly.Parse(DemoDates.Fill(c["request"]!.AsObject(), today)["receivedOn"]!.GetValue<string>(), CultureInfo.InvariantCulture) > today.AddDays(-300)).ToList();
        var sample = new[]
        {
            recent.First(c => Paths(c).Count(p => p == "cases/{caseId}/response-date") == 1 && Paths(c).Contains("cases/{caseId}/final-response/sending")),
            recent.First(c => Paths(c).Count(p => p == "cases/{caseId}/response-date") == 2 && Paths(c).Contains("cases/{caseId}/final-response/sending")),
            recent.First(c => Paths(c).Contains("cases/{caseId}/ombudsman-referral") && Paths(c).Contains("cases/{caseId}/response-date")),
        };
        var keyed = sample.Select(c => { var copy = c.DeepClone().AsObject(); copy["idempotencyKey"] = $"oversight-{Guid.NewGuid()}"; return copy; });
        var fixture = DemoFixture.Parse(new JsonObject { ["complaints"] = new JsonArray([.. keyed]) }.ToJsonString(), "slice");
        var ct = TestContext.Current.CancellationToken;
        using var http = new HttpClient(new TokensFromIdentity(system.Identity.HttpAddress)) { BaseAddress = system.Gateway.HttpAddress };
        using var commissioner = system.GatewayHttp(await system.TokenAsync("commissioner.qkk"));
        var period = $"/api/v1/reporting/oversight?period={today.AddMonths(-12):yyyy-MM}..{today:yyyy-MM}";
        var before = (await commissioner.GetFromJsonAsync<JsonElement>(period, ct)).GetProperty("allProviders");
        var log = new StringWriter();

        var seeded = await new DemoSeeder(http, system.DemoPassword, log).SeedAsync(fixture, today, ct);

        Assert.True(seeded.Steps.All(o => o == SeedOutcome.Recorded), log.ToString());
        JsonElement after = default;
        await Eventually.TrueAsync(async () =>
        {
            after = (await commissioner.GetFromJsonAsync<JsonElement>(period, ct)).GetProperty("allProviders");
            return Count(after, "referredToOmbudsman") > Count(before, "referredToOmbudsman")
                && Denominator(after, "byAgreedDate") >= Denominator(before, "byAgreedDate") + sample.Length;
        }, TimeSpan.FromSeconds(60), "reporting counts the slice's responses, agreed dates and referral");
        Assert.True(Denominator(after, "byAgreedDate") > 0 && Denominator(after, "renegotiated") >= Denominator(before, "renegotiated") + sample.Length);
        Assert.True(Outcomes(after) >= Outcomes(before) + sample.Length, $"outcomes {Outcomes(before)} then {Outcomes(after)}");
    }

    private static int Count(JsonElement set, string measure) => set.GetProperty(measure) is { ValueKind: JsonValueKind.Number } n ? n.GetInt32() : 0;

    private static int Denominator(JsonElement set, string measure) =>
        set.GetProperty(measure).GetProperty("denominator") is { ValueKind: JsonValueKind.Number } n ? n.GetInt32() : 0;

    private static int Outcomes(JsonElement set) =>
        set.GetProperty("outcomes").EnumerateObject().Sum(o => o.Value.ValueKind == JsonValueKind.Number ? o.Value.GetInt32() : 0);

    private static List<string> Paths(JsonObject complaint) =>
        complaint["steps"] is JsonArray steps ? [.. steps.Select(s => s!["path"]!.GetValue<string>())] : [];

    // Tokens come from the identity service itself, as the platform's own test clients get them; everything else goes through the gateway.
    private sealed class TokensFromIdentity(Uri identity) : DelegatingHandler(new HttpClientHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.AbsolutePath == "/connect/token")
            {
                request.RequestUri = new Uri(identity, "/connect/token");
            }
            return base.SendAsync(request, cancellationToken);
        }
    }
}
