using System.Net;
using System.Text.Json.Nodes;
using IcsComplaints.DemoSeed;
using IcsComplaints.TestKit;

namespace IcsComplaints.Deployment.Tests;

/// <summary>
/// The demo data of <c>./ics up</c>: deploy/demo/complaints.json holds the complaints the script used to send inline,
/// then a generated year (<see cref="DemoYearTests"/>), and tools/DemoSeed records them through the gateway as their
/// demo users, once, then makes each complaint's steps. The gateway here is a stand-in (<see cref="StandInGateway"/>);
/// the real round trip is <c>./ics up</c> itself.
/// </summary>
public sealed class DemoSeedTests
{
    private static readonly string FixturePath = Repository.PathOf("deploy", "demo", "complaints.json");

    private static readonly DateOnly Today = new(2026, 3, 10);

    private static readonly string[] EarlierKeys = ["demo-complaint-1", "demo-complaint-2", "demo-complaint-3", "demo-complaint-icb"];

    [Fact]
    public void TheRepositorysFixture_StartsWithTheDemoComplaintsOfEarlierReleases()
    {
        var fixture = DemoFixture.Load(FixturePath);

        var earlier = fixture.Complaints.Take(4).ToList();
        Assert.Equal(EarlierKeys, earlier.Select(c => c.IdempotencyKey));
        Assert.Equal(["handler.rj1", "handler.rjz", "handler.r0a", "handler.qkk"], earlier.Select(c => c.User));
        Assert.All(earlier, c => Assert.Empty(c.Steps));
        var requests = earlier.Select(c => c.RequestOn(Today)).ToList();
        Assert.Equal(["RJ1", "RJZ", "R0A", "QKK"], requests.Select(r => r["organisationCode"]!.GetValue<string>()));
        Assert.Equal(["2026-03-08", "2026-03-06", "2026-03-04", "2026-03-09"], requests.Select(r => r["receivedOn"]!.GetValue<string>()));
        // The ICB's complaint about a provider it commissions, made by phone: its written record is sent today.
        Assert.Equal("2026-03-10", requests[3]["writtenRecordSentOn"]!.GetValue<string>());
        Assert.Equal("RJ1", Assert.Single(requests[3]["aboutOrganisationCodes"]!.AsArray())!.GetValue<string>());
        Assert.All(fixture.Complaints.Skip(4), c => Assert.StartsWith(DemoYear.KeyPrefix, c.IdempotencyKey, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"complaints": [{"user": "handler.rj1", "idempotencyKey": "k", "request": {"receivedOn": "{yesterday}"}}]}""", "\"{yesterday}\" is not a date of the fixture")]
    [InlineData("""{"complaints": [{"user": "handler.rj1", "idempotencyKey": "k", "request": {}}, {"user": "handler.rjz", "idempotencyKey": "k", "request": {}}]}""", "complaints[1]: the Idempotency-Key \"k\" is used twice")]
    [InlineData("""{"complaints": [{"idempotencyKey": "k", "request": {}}]}""", "complaints[0]: no \"user\"")]
    [InlineData("""{"complaints": [{"user": "handler.rj1", "idempotencyKey": "k"}]}""", "complaints[0]: no \"request\" object")]
    [InlineData("""{"complaint": []}""", "no \"complaints\" list")]
    [InlineData("""{"complaints": [""", "not JSON")]
    [InlineData("""{"complaints": [{"user": "u", "idempotencyKey": "k", "request": {}, "steps": {}}]}""", "complaints[0]: \"steps\" is not a list")]
    [InlineData("""{"complaints": [{"user": "u", "idempotencyKey": "k", "request": {}, "steps": [{"user": "u", "method": "DELETE", "path": "cases/{caseId}/closure", "body": {}}]}]}""", "complaints[0], steps[0]: the method is POST or PUT")]
    [InlineData("""{"complaints": [{"user": "u", "idempotencyKey": "k", "request": {}, "steps": [{"user": "u", "method": "POST", "path": "admin/users", "body": {}}]}]}""", "steps[0]: the path starts complaints/{complaintId}/ or cases/{caseId}/")]
    [InlineData("""{"complaints": [{"user": "u", "idempotencyKey": "k", "request": {}, "steps": [{"user": "u", "method": "POST", "path": "cases/{caseId}/closure"}]}]}""", "steps[0]: no \"body\" object")]
    [InlineData("""{"complaints": [{"user": "u", "idempotencyKey": "k", "request": {}, "steps": [{"method": "POST", "path": "cases/{caseId}/closure", "body": {}}]}]}""", "steps[0]: no \"user\"")]
    [InlineData("""{"complaints": [{"user": "u", "idempotencyKey": "k", "request": {}, "steps": [{"user": "u", "method": "POST", "path": "cases/{caseId}/closure", "body": {"closedOn": "{today+1}"}}]}]}""", "steps[0]: \"{today+1}\" is not a date of the fixture")]
    public void AFixture_IsRefusedBeforeAnythingIsSent_NamingWhatIsWrong(string json, string problem)
    {
        var refused = Assert.Throws<InvalidDataException>(() => DemoFixture.Parse(json, "demo.json"));

        Assert.Contains(problem, refused.Message, StringComparison.Ordinal);
        Assert.StartsWith("demo.json", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EachComplaint_IsSubmittedByItsUser_WithItsKey_AndOneTokenPerUser()
    {
        var gateway = new StandInGateway();

        var report = await Seed(gateway, EarlierReleases());

        Assert.All(report.Complaints, o => Assert.Equal(SeedOutcome.Recorded, o));
        Assert.Empty(report.Steps);
        Assert.Equal(["handler.rj1", "handler.rjz", "handler.r0a", "handler.qkk"], gateway.SignedIn);
        Assert.Equal(EarlierKeys, gateway.Submitted.Select(s => s.Key));
        Assert.All(gateway.Submitted, s => Assert.Equal($"token-of-{s.User}", s.Token));
        Assert.Equal("2026-03-08", gateway.Submitted.First().Body!["receivedOn"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(HttpStatusCode.Created, true, SeedOutcome.AlreadyRecorded)]
    [InlineData(HttpStatusCode.Conflict, false, SeedOutcome.AlreadyRecorded)]
    [InlineData(HttpStatusCode.BadRequest, false, SeedOutcome.Failed)]
    [InlineData(HttpStatusCode.ServiceUnavailable, false, SeedOutcome.Failed)]
    public async Task ASecondRun_RecordsNothingTwice_AndARefusalIsReported(HttpStatusCode answer, bool replayed, SeedOutcome expected)
    {
        var gateway = new StandInGateway { Answer = answer, Replayed = replayed };
        var log = new StringWriter();

        var report = await Seed(gateway, EarlierReleases(), log);

        Assert.All(report.Complaints, o => Assert.Equal(expected, o));
        Assert.Equal(expected == SeedOutcome.Failed, log.ToString().Contains("warning: demo complaint demo-complaint-1 by handler.rj1 was not accepted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AUserWithoutAToken_FailsOnlyTheirComplaints()
    {
        var gateway = new StandInGateway { Refused = "handler.rjz" };
        var log = new StringWriter();

        var report = await Seed(gateway, EarlierReleases(), log);

        Assert.Equal([SeedOutcome.Recorded, SeedOutcome.Failed, SeedOutcome.Recorded, SeedOutcome.Recorded], report.Complaints);
        Assert.DoesNotContain(gateway.Submitted, s => s.User == "handler.rjz");
        Assert.Contains("warning: no token for the demo user handler.rjz: 400", log.ToString(), StringComparison.Ordinal);
    }

    internal static async Task<SeedReport> Seed(StandInGateway gateway, DemoFixture fixture, StringWriter? log = null, TimeSpan? caseWait = null)
    {
        using var http = new HttpClient(gateway) { BaseAddress = new Uri("http://gateway.test/") };
        return await new DemoSeeder(http, "demo-password", log ?? new StringWriter(), caseWait).SeedAsync(fixture, Today, TestContext.Current.CancellationToken);
    }

    // The hand-written complaints of the repository's fixture, without the generated year.
    private static DemoFixture EarlierReleases()
    {
        var root = JsonNode.Parse(File.ReadAllText(FixturePath))!.AsObject();
        var earlier = root["complaints"]!.AsArray().Where(c => EarlierKeys.Contains(c!["idempotencyKey"]!.GetValue<string>())).Select(c => c!.DeepClone());
        return DemoFixture.Parse(new JsonObject { ["complaints"] = new JsonArray([.. earlier]) }.ToJsonString(), FixturePath);
    }
}
