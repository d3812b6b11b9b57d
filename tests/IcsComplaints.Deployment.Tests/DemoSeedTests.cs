using System.Net;
using System.Text.Json.Nodes;
using IcsComplaints.DemoSeed;
using IcsComplaints.TestKit;

namespace IcsComplaints.Deployment.Tests;

/// <summary>
/// The demo data of <c>./ics up</c>: deploy/demo/complaints.json holds the complaints the script used to send inline,
/// and tools/DemoSeed records them through the gateway as their demo users, once. The gateway here is a stand-in
/// that answers as identity and intake do; the real round trip is <c>./ics up</c> itself.
/// </summary>
public sealed class DemoSeedTests
{
    private static readonly string FixturePath = Repository.PathOf("deploy", "demo", "complaints.json");

    private static readonly DateOnly Today = new(2026, 3, 10);

    [Fact]
    public void TheRepositorysFixture_HoldsTheDemoComplaintsOfEarlierReleases()
    {
        var fixture = DemoFixture.Load(FixturePath);

        Assert.Equal(["demo-complaint-1", "demo-complaint-2", "demo-complaint-3", "demo-complaint-icb"], fixture.Complaints.Select(c => c.IdempotencyKey));
        Assert.Equal(["handler.rj1", "handler.rjz", "handler.r0a", "handler.qkk"], fixture.Complaints.Select(c => c.User));
        var requests = fixture.Complaints.Select(c => c.RequestOn(Today)).ToList();
        Assert.Equal(["RJ1", "RJZ", "R0A", "QKK"], requests.Select(r => r["organisationCode"]!.GetValue<string>()));
        Assert.Equal(["2026-03-08", "2026-03-06", "2026-03-04", "2026-03-09"], requests.Select(r => r["receivedOn"]!.GetValue<string>()));
        // The ICB's complaint about a provider it commissions, made by phone: its written record is sent today.
        Assert.Equal("2026-03-10", requests[3]["writtenRecordSentOn"]!.GetValue<string>());
        Assert.Equal("RJ1", Assert.Single(requests[3]["aboutOrganisationCodes"]!.AsArray())!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"complaints": [{"user": "handler.rj1", "idempotencyKey": "k", "request": {"receivedOn": "{yesterday}"}}]}""", "\"{yesterday}\" is not a date of the fixture")]
    [InlineData("""{"complaints": [{"user": "handler.rj1", "idempotencyKey": "k", "request": {}}, {"user": "handler.rjz", "idempotencyKey": "k", "request": {}}]}""", "complaints[1]: the Idempotency-Key \"k\" is used twice")]
    [InlineData("""{"complaints": [{"idempotencyKey": "k", "request": {}}]}""", "complaints[0]: no \"user\"")]
    [InlineData("""{"complaints": [{"user": "handler.rj1", "idempotencyKey": "k"}]}""", "complaints[0]: no \"request\" object")]
    [InlineData("""{"complaint": []}""", "no \"complaints\" list")]
    [InlineData("""{"complaints": [""", "not JSON")]
    public void AFixture_IsRefusedBeforeAnythingIsSent_NamingWhatIsWrong(string json, string problem)
    {
        var refused = Assert.Throws<InvalidDataException>(() => DemoFixture.Parse(json, "demo.json"));

        Assert.Contains(problem, refused.Message, StringComparison.Ordinal);
        Assert.StartsWith("demo.json", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EachComplaint_IsSubmittedByItsUser_WithItsKey_AndOneTokenPerUser()
    {
        var gateway = new FakeGateway();

        var outcomes = await Seed(gateway, DemoFixture.Load(FixturePath));

        Assert.All(outcomes, o => Assert.Equal(SeedOutcome.Recorded, o));
        Assert.Equal(["handler.rj1", "handler.rjz", "handler.r0a", "handler.qkk"], gateway.SignedIn);
        Assert.Equal(["demo-complaint-1", "demo-complaint-2", "demo-complaint-3", "demo-complaint-icb"], gateway.Submitted.Select(s => s.Key));
        Assert.All(gateway.Submitted, s => Assert.Equal($"token-of-{s.User}", s.Token));
        Assert.Equal("2026-03-08", gateway.Submitted[0].Body["receivedOn"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(HttpStatusCode.Created, true, SeedOutcome.AlreadyRecorded)]
    [InlineData(HttpStatusCode.Conflict, false, SeedOutcome.AlreadyRecorded)]
    [InlineData(HttpStatusCode.BadRequest, false, SeedOutcome.Failed)]
    [InlineData(HttpStatusCode.ServiceUnavailable, false, SeedOutcome.Failed)]
    public async Task ASecondRun_RecordsNothingTwice_AndARefusalIsReported(HttpStatusCode answer, bool replayed, SeedOutcome expected)
    {
        var gateway = new FakeGateway { Answer = answer, Replayed = replayed };
        var log = new StringWriter();

        var outcomes = await Seed(gateway, DemoFixture.Load(FixturePath), log);

        Assert.All(outcomes, o => Assert.Equal(expected, o));
        Assert.Equal(expected == SeedOutcome.Failed, log.ToString().Contains("warning: demo complaint demo-complaint-1 by handler.rj1 was not accepted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AUserWithoutAToken_FailsOnlyTheirComplaints()
    {
        var gateway = new FakeGateway { Refused = "handler.rjz" };
        var log = new StringWriter();

        var outcomes = await Seed(gateway, DemoFixture.Load(FixturePath), log);

        Assert.Equal([SeedOutcome.Recorded, SeedOutcome.Failed, SeedOutcome.Recorded, SeedOutcome.Recorded], outcomes);
        Assert.DoesNotContain(gateway.Submitted, s => s.User == "handler.rjz");
        Assert.Contains("warning: no token for the demo user handler.rjz: 400", log.ToString(), StringComparison.Ordinal);
    }

    private static async Task<IReadOnlyList<SeedOutcome>> Seed(FakeGateway gateway, DemoFixture fixture, StringWriter? log = null)
    {
        using var http = new HttpClient(gateway) { BaseAddress = new Uri("http://gateway.test/") };
        return await new DemoSeeder(http, "demo-password", log ?? new StringWriter()).SeedAsync(fixture, Today, TestContext.Current.CancellationToken);
    }

    private sealed record Submission(string User, string Token, string Key, JsonObject Body);

    // Answers as identity's token endpoint (a token per user with the demo password) and intake's submission do.
    private sealed class FakeGateway : HttpMessageHandler
    {
        public HttpStatusCode Answer { get; init; } = HttpStatusCode.Created;

        public bool Replayed { get; init; }

        public string? Refused { get; init; }

        public List<string> SignedIn { get; } = [];

        public List<Submission> Submitted { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = await request.Content!.ReadAsStringAsync(cancellationToken);
            if (request.RequestUri!.AbsolutePath == "/connect/token")
            {
                var form = body.Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));
                Assert.Equal(("password", DemoSeeder.Client, "demo-password"), (form["grant_type"], form["client_id"], form["password"]));
                SignedIn.Add(form["username"]);
                return form["username"] == Refused
                    ? new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StringContent("""{"error":"invalid_grant"}""") }
                    : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent($$"""{"access_token":"token-of-{{form["username"]}}"}""") };
            }
            Assert.Equal((HttpMethod.Post, "/api/v1/complaints"), (request.Method, request.RequestUri.AbsolutePath));
            var token = request.Headers.Authorization!.Parameter!;
            Submitted.Add(new Submission(token["token-of-".Length..], token, request.Headers.GetValues("Idempotency-Key").Single(), JsonNode.Parse(body)!.AsObject()));
            var response = new HttpResponseMessage(Answer) { Content = new StringContent("""{"reference":"ICS-1"}""") };
            if (Replayed)
            {
                response.Headers.Add("Idempotent-Replayed", "true");
            }
            return response;
        }
    }
}
