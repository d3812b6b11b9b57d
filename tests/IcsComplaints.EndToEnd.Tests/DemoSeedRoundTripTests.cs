using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using IcsComplaints.DemoSeed;

namespace IcsComplaints.EndToEnd.Tests;

/// <summary>
/// tools/DemoSeed against the real services: a sample of the generated demo year (a closer look and an early
/// resolution each drafted and signed, a complaint made to the ICB and transferred with consent) is recorded and
/// stepped through the gateway as the demo users, and a second run adds nothing.
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
