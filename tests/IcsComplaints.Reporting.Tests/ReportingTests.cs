// Over 300 lines on purpose: the reporting journeys (oversight, KO41 returns, publication, rebuilds, themes) share the
// helpers that record complaints and read the figures back.
extern alias reporting;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.Intake.Contracts.Events;
using IcsComplaints.Learning.Contracts.Events;
using IcsComplaints.TestKit;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReadModels = reporting::IcsComplaints.Reporting.Api.Features.Rebuild.ReadModels;

using static IcsComplaints.TestKit.ApiCalls;

namespace IcsComplaints.Reporting.Tests;

/// <summary>
/// Reporting built only from events: a seeded quarter of complaints at three of NHS South East London's providers,
/// published as the intake and case services publish them, checked figure by figure against hand-computed
/// expectations; the KO41a return and its checks; and a rebuild from the event log giving identical read models.
/// The seeded period (2023) is used by no other test, and RPG and Z99902 by none at all (RJ2's other years are:
/// the wait below counts only its 2023).
/// </summary>
public sealed class ReportingTests(ReportingSystem system)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly string[] Seeded = ["RJ2", "RPG", "Z99902"];
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static bool _seeded;

    [Fact]
    public async Task TheIcbsOversight_ShowsEachProviderWithTheHandComputedFigures_SmallNumbersIncluded()
    {
        await SeedAsync();
        using var icb = system.Http(await system.TokenAsync("commissioner.qkk"));

        var oversight = await GetAsync(icb, "/api/v1/reporting/oversight?period=2023-Q3");
        var providers = oversight.GetProperty("providers").EnumerateArray().ToDictionary(p => p.GetProperty("organisationCode").GetString()!);

        // RJ2: 20 received (12 online, 8 by letter); 16 acknowledged by the third working day; 10 of 20 responses at
        // early resolution (3 working days each) and 10 after a closer look (20..29, median 24.5), 7 of them by the
        // agreed date; 6 upheld, 6 partially, 8 not: 12 of 20 well-founded.
        var rj2 = providers["RJ2"];
        Assert.Equal(20, rj2.GetProperty("received").GetInt32());
        Assert.Equal((8, 12), (rj2.GetProperty("receivedByChannel").GetProperty("Letter").GetInt32(), rj2.GetProperty("receivedByChannel").GetProperty("Online").GetInt32()));
        AssertRate(rj2, "acknowledgedInTime", 16, 20, 0.8);
        AssertRate(rj2, "resolvedEarly", 10, 20, 0.5);
        AssertRate(rj2, "byAgreedDate", 7, 10, 0.7);
        AssertRate(rj2, "upheldOrPartly", 12, 20, 0.6);
        Assert.Equal((3.0, 24.5), (rj2.GetProperty("medianWorkingDaysEarly").GetDouble(), rj2.GetProperty("medianWorkingDaysCloserLook").GetDouble()));
        Assert.Equal((6, 6, 8), (rj2.GetProperty("outcomes").GetProperty("Upheld").GetInt32(), rj2.GetProperty("outcomes").GetProperty("PartiallyUpheld").GetInt32(),
            rj2.GetProperty("outcomes").GetProperty("NotUpheld").GetInt32()));

        // RPG: 12 received (the one it transferred on is not its complaint), all acknowledged in time; 5 upheld, 7 not.
        var rpg = providers["RPG"];
        Assert.Equal(12, rpg.GetProperty("received").GetInt32());
        AssertRate(rpg, "acknowledgedInTime", 12, 12, 1.0);
        AssertRate(rpg, "upheldOrPartly", 5, 12, 0.4167);
        Assert.Equal(0, rpg.GetProperty("outcomes").GetProperty("PartiallyUpheld").GetInt32());

        // Z99902 had three: overseeing its own providers, the ICB sees them as they are.
        var z = providers["Z99902"];
        Assert.Equal(3, z.GetProperty("received").GetInt32());
        AssertRate(z, "acknowledgedInTime", 3, 3, 1.0);
        Assert.False(oversight.GetProperty("suppressed").GetBoolean());
        var all = oversight.GetProperty("allProviders");
        Assert.Equal(35, all.GetProperty("received").GetInt32());
        AssertRate(all, "acknowledgedInTime", 31, 35, 0.8857);
        var zMeasures = await GetAsync(icb, "/api/v1/reporting/measures?organisation=Z99902&period=2023-Q3");
        Assert.Equal((false, 3), (zMeasures.GetProperty("suppressed").GetBoolean(), zMeasures.GetProperty("measures").GetProperty("received").GetInt32()));

        // The funnel centres on the ICB's rate (31/35) and judges each provider against limits for its own volume:
        // for RJ2, 31/35 - 1.96 x sqrt((31/35)(4/35)/20) = 0.7463. Z99902's three are shown, too few to judge.
        var funnel = await GetAsync(icb, "/api/v1/reporting/oversight/funnel?measure=acknowledgedInTime&period=2023-Q3");
        Assert.Equal(0.8857, funnel.GetProperty("target").GetDouble());
        var points = funnel.GetProperty("points").EnumerateArray().ToDictionary(p => p.GetProperty("organisationCode").GetString()!);
        Assert.Equal(("Within", 0.7463), (points["RJ2"].GetProperty("position").GetString(), points["RJ2"].GetProperty("lower95").GetDouble()));
        Assert.Equal(("TooFew", 3, 3), (points["Z99902"].GetProperty("position").GetString(), points["Z99902"].GetProperty("numerator").GetInt32(),
            points["Z99902"].GetProperty("denominator").GetInt32()));
        var svg = await icb.GetStringAsync(new Uri("/api/v1/reporting/oversight/funnel.svg?measure=acknowledgedInTime&period=2023-Q3", UriKind.Relative));
        Assert.StartsWith("<svg", svg, StringComparison.Ordinal);
        Assert.Contains("RJ2: 80.0% of 20 (Within)", svg, StringComparison.Ordinal);
        Assert.Contains("Z99902: 100.0% of 3 (TooFew)", svg, StringComparison.Ordinal);
        var trend = (await GetAsync(icb, "/api/v1/reporting/trend?organisation=Z99902&measure=received&months=120")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(3, trend.Single(p => p.GetProperty("month").GetString() == "2023-09").GetProperty("value").GetInt32());

        // What is overdue now: RPG's five unanswered complaints from 2022, past the agreed date and the backstop.
        var overdue = (await GetAsync(icb, "/api/v1/reporting/oversight/overdue")).GetProperty("items").EnumerateArray()
            .Single(o => o.GetProperty("organisationCode").GetString() == "RPG");
        Assert.Equal((0, 5, 5, "2022-07-15"), (overdue.GetProperty("acknowledgements").GetInt32(), overdue.GetProperty("responses").GetInt32(),
            overdue.GetProperty("backstops").GetInt32(), overdue.GetProperty("oldestDueOn").GetString()));
        using var channel = Grpc.Net.Client.GrpcChannel.ForAddress(system.Reporting.GrpcAddress);
        var client = new IcsComplaints.Reporting.Contracts.Grpc.V1.ReportingService.ReportingServiceClient(channel);
        var icbHeaders = GrpcCalls.Bearer(await system.TokenAsync("commissioner.qkk"));
        var overdueOverGrpc = (await client.GetOverdueAsync(new IcsComplaints.Reporting.Contracts.Grpc.V1.GetOverdueRequest(), icbHeaders)).Providers.Single(o => o.OrganisationCode == "RPG");
        Assert.Equal((0, 5, 5, "2022-07-15"), (overdueOverGrpc.Acknowledgements, overdueOverGrpc.Responses, overdueOverGrpc.Backstops, overdueOverGrpc.OldestDueOn));
        var casesOverGrpc = (await client.GetOverdueCasesAsync(new IcsComplaints.Reporting.Contracts.Grpc.V1.GetOverdueCasesRequest { OrganisationCode = "RPG" }, icbHeaders)).Cases;
        var casesOverRest = (await GetAsync(icb, "/api/v1/reporting/oversight/overdue/RPG")).GetProperty("items").EnumerateArray().Select(c => c.GetProperty("caseId").GetString()).ToList();
        Assert.Equal(casesOverRest, casesOverGrpc.Select(c => c.CaseId));
        Assert.Equal(5, casesOverGrpc.Count(c => c.Overdue.Contains("Backstop")));

        // The five backstops passed in December 2022 count there, not in February 2023 when the scan found them; the
        // one answered within its backstop not at all.
        int Backstops(JsonElement measures) => measures.GetProperty("measures").GetProperty("backstopBreaches").GetInt32();
        Assert.Equal((5, 0), (Backstops(await GetAsync(icb, "/api/v1/reporting/measures?organisation=RPG&period=2022-12")),
            Backstops(await GetAsync(icb, "/api/v1/reporting/measures?organisation=RPG&period=2023-02"))));

        // The provider sees its own figures exactly, and its peers only as an anonymous distribution.
        using var rj1Quality = system.Http(await system.TokenAsync("quality.rj1"));
        var own = await GetAsync(rj1Quality, "/api/v1/reporting/measures?period=2023-Q3");
        Assert.False(own.GetProperty("suppressed").GetBoolean());
        var distribution = await rj1Quality.GetStringAsync(new Uri("/api/v1/reporting/peers?period=2023-Q3", UriKind.Relative));
        Assert.DoesNotContain("RJ2", distribution, StringComparison.Ordinal);
        Assert.DoesNotContain("RPG", distribution, StringComparison.Ordinal);
        using var otherIcb = await system.Http(await system.TokenAsync("commissioner.qop")).GetAsync(new Uri("/api/v1/reporting/measures?organisation=RJ2&period=2023-Q3", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, otherIcb.StatusCode);
    }

    [Fact]
    public async Task TheKo41aReturn_CountsByTheCollectionsRules_PassesItsChecks_AndExportsAsCsv_WhileAnUncodedOneIsRefused()
    {
        await SeedAsync();
        using var icb = system.Http(await system.TokenAsync("commissioner.qkk"));

        var ko41 = await GetAsync(icb, "/api/v1/reporting/ko41?organisation=RJ2&year=2023");
        Assert.Equal(("KO41a", "2023/24", 0, 20, 0), (ko41.GetProperty("collection").GetString(), ko41.GetProperty("period").GetString(),
            ko41.GetProperty("broughtForward").GetInt32(), ko41.GetProperty("new").GetInt32(), ko41.GetProperty("carriedForward").GetInt32()));
        Assert.True(ko41.GetProperty("valid").GetBoolean(), ko41.GetProperty("validation").GetRawText());
        using var csv = await icb.GetAsync(new Uri("/api/v1/reporting/ko41.csv?organisation=RJ2&year=2023", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.StartsWith("collection,organisation,period,section,site,item,count\n", text, StringComparison.Ordinal);
        // Two sites of ten; every complaint is about communications, half also clinical treatment (with a sub-category).
        foreach (var line in new[]
        {
            "KO41a,RJ2,2023/24,Summary,RJ2,New,20", "KO41a,RJ2,2023/24,Summary,RJ2,ResolvedUpheld,6", "KO41a,RJ2,2023/24,Summary,RJ2,ResolvedNotUpheld,8",
            "KO41a,RJ2,2023/24,Site,RJ201,New,10", "KO41a,RJ2,2023/24,SubjectArea,RJ2,Communications,10", "KO41a,RJ2,2023/24,SubjectArea,RJ201,Clinical treatment,5",
            "KO41a,RJ2,2023/24,ClinicalSubCategory,RJ2,Diagnosis,5", "KO41a,RJ2,2023/24,Age,RJ201,26-55,10", "KO41a,RJ2,2023/24,ServiceArea,RJ2,A&E,10",
        })
        {
            Assert.Contains(line + "\n", text, StringComparison.Ordinal);
        }

        // RPG never coded its complaints: the return fails its first check and is not exported.
        using var refused = await icb.GetAsync(new Uri("/api/v1/reporting/ko41.csv?organisation=RPG&year=2023", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var failed = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("validation").EnumerateArray().Where(v => !v.GetProperty("passed").GetBoolean()).ToList();
        Assert.Contains(failed, v => v.GetProperty("rule").GetString() == "Every new complaint is coded (KO41 sections 3-8)" && v.GetProperty("detail").GetString() == "12 of 12 not coded");

        // The same return over gRPC, for an integrating system: valid, with the same CSV.
        using var channel = Grpc.Net.Client.GrpcChannel.ForAddress(system.Reporting.GrpcAddress);
        var client = new IcsComplaints.Reporting.Contracts.Grpc.V1.ReportingService.ReportingServiceClient(channel);
        var overGrpc = await client.GetKo41ReturnAsync(
            new IcsComplaints.Reporting.Contracts.Grpc.V1.GetKo41ReturnRequest { OrganisationCode = "RJ2", Year = 2023 }, GrpcCalls.Bearer(await system.TokenAsync("commissioner.qkk")));
        Assert.Equal((true, text), (overGrpc.Valid, overGrpc.Csv));
        var measures = await client.GetMeasuresAsync(
            new IcsComplaints.Reporting.Contracts.Grpc.V1.GetMeasuresRequest { OrganisationCode = "Z99902", Period = "2023-Q3" }, GrpcCalls.Bearer(await system.TokenAsync("commissioner.qkk")));
        Assert.Equal((false, 3, false), (measures.Suppressed, measures.Received, measures.Rates["acknowledgedInTime"].Suppressed));

        // Reg 18 annual report data.
        var annual = await GetAsync(icb, "/api/v1/reporting/annual-report?organisation=RJ2&year=2023");
        Assert.Equal((20, 12), (annual.GetProperty("received").GetInt32(), annual.GetProperty("decidedWellFounded").GetInt32()));
        Assert.Equal(20, annual.GetProperty("subjectMatter").GetProperty("Communications").GetInt32());

        // The same over gRPC, for an ICB's business intelligence: the providers side by side, and RJ2's annual report.
        var icbHeaders = GrpcCalls.Bearer(await system.TokenAsync("commissioner.qkk"));
        var oversightOverGrpc = (await client.GetOversightAsync(new IcsComplaints.Reporting.Contracts.Grpc.V1.GetOversightRequest { Period = "2023-Q3" }, icbHeaders))
            .Providers.ToDictionary(p => p.OrganisationCode);
        var rj2 = oversightOverGrpc["RJ2"];
        Assert.Equal((20, 16, 20), (rj2.Received, rj2.Rates["acknowledgedInTime"].Numerator, rj2.Rates["acknowledgedInTime"].Denominator));
        Assert.Equal((3, false), (oversightOverGrpc["Z99902"].Received, oversightOverGrpc["Z99902"].Suppressed));
        var annualOverGrpc = await client.GetAnnualReportAsync(new IcsComplaints.Reporting.Contracts.Grpc.V1.GetAnnualReportRequest { OrganisationCode = "RJ2", Year = 2023 }, icbHeaders);
        Assert.Equal((20, 12, 20), (annualOverGrpc.Received, annualOverGrpc.DecidedWellFounded, annualOverGrpc.SubjectMatter["Communications"]));
    }

    [Fact]
    public async Task OutputsForPublication_WithholdSmallNumbers_AndEnoughElseThatNoTotalGivesThemBack()
    {
        await SeedAsync();
        using var icb = system.Http(await system.TokenAsync("commissioner.qkk"));

        // Z99902's three are withheld, and so is another figure of each sum they are in: the ICB's 35 less RJ2's 20
        // and RPG's 12 would otherwise give them back (as they did before).
        var oversight = await GetAsync(icb, "/api/v1/reporting/oversight?period=2023-Q3&publication=true");
        Assert.True(oversight.GetProperty("suppressed").GetBoolean());
        var rows = oversight.GetProperty("providers").EnumerateArray().Append(oversight.GetProperty("allProviders"))
            .ToDictionary(p => p.GetProperty("organisationCode").GetString()!);
        Assert.True(Withheld(rows["Z99902"], "received"));
        Assert.True(rows["Z99902"].GetProperty("acknowledgedInTime").GetProperty("suppressed").GetBoolean());
        Assert.True(rows.Values.Count(r => Withheld(r, "received")) >= 2, oversight.GetRawText());
        Assert.True(rows.Values.Count(r => Withheld(r.GetProperty("acknowledgedInTime"), "numerator")) >= 2, oversight.GetRawText());

        // A withheld funnel point gives nothing away, limits included; the chart leaves it out.
        var funnel = await GetAsync(icb, "/api/v1/reporting/oversight/funnel?measure=acknowledgedInTime&period=2023-Q3&publication=true");
        var z = funnel.GetProperty("points").EnumerateArray().Single(p => p.GetProperty("organisationCode").GetString() == "Z99902");
        Assert.Equal("Withheld", z.GetProperty("position").GetString());
        Assert.All(new[] { "numerator", "denominator", "value", "lower95", "upper95", "lower998", "upper998" }, field => Assert.True(Withheld(z, field), z.GetRawText()));
        var svg = await icb.GetStringAsync(new Uri("/api/v1/reporting/oversight/funnel.svg?measure=acknowledgedInTime&period=2023-Q3&publication=true", UriKind.Relative));
        Assert.DoesNotContain("Z99902:", svg, StringComparison.Ordinal);

        // A trend and an organisation's measures marked for publication, and the annual report, which always is.
        var trend = (await GetAsync(icb, "/api/v1/reporting/trend?organisation=Z99902&measure=received&months=120&publication=true")).GetProperty("items").EnumerateArray();
        Assert.True(trend.Single(p => p.GetProperty("month").GetString() == "2023-09").GetProperty("suppressed").GetBoolean());
        var measures = await GetAsync(icb, "/api/v1/reporting/measures?organisation=Z99902&period=2023-Q3&publication=true");
        Assert.True(measures.GetProperty("suppressed").GetBoolean());
        Assert.True(Withheld(measures.GetProperty("measures"), "received"));
        var annual = await GetAsync(icb, "/api/v1/reporting/annual-report?organisation=Z99902&year=2023");
        Assert.True(annual.GetProperty("suppressed").GetBoolean());
        Assert.True(Withheld(annual, "received"));
        Assert.True(Withheld(annual.GetProperty("subjectMatter"), "Communications"));

        using var unreadable = await icb.GetAsync(new Uri("/api/v1/reporting/oversight?period=2023-Q3&publication=maybe", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
        Assert.True((await unreadable.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("publication", out _));

        // The same over gRPC.
        using var channel = Grpc.Net.Client.GrpcChannel.ForAddress(system.Reporting.GrpcAddress);
        var client = new IcsComplaints.Reporting.Contracts.Grpc.V1.ReportingService.ReportingServiceClient(channel);
        var headers = GrpcCalls.Bearer(await system.TokenAsync("commissioner.qkk"));
        var overGrpc = await client.GetOversightAsync(new IcsComplaints.Reporting.Contracts.Grpc.V1.GetOversightRequest { Period = "2023-Q3", Publication = true }, headers);
        var zOverGrpc = overGrpc.Providers.Single(p => p.OrganisationCode == "Z99902");
        Assert.Equal((false, true, true), (zOverGrpc.HasReceived, zOverGrpc.Suppressed, zOverGrpc.Rates["acknowledgedInTime"].Suppressed));
        var measuresOverGrpc = await client.GetMeasuresAsync(
            new IcsComplaints.Reporting.Contracts.Grpc.V1.GetMeasuresRequest { OrganisationCode = "Z99902", Period = "2023-Q3", Publication = true }, headers);
        Assert.Equal((true, false), (measuresOverGrpc.Suppressed, measuresOverGrpc.HasReceived));
        var annualOverGrpc = await client.GetAnnualReportAsync(new IcsComplaints.Reporting.Contracts.Grpc.V1.GetAnnualReportRequest { OrganisationCode = "Z99902", Year = 2023 }, headers);
        Assert.Equal((true, false, false), (annualOverGrpc.Suppressed, annualOverGrpc.HasReceived, annualOverGrpc.SubjectMatter.ContainsKey("Communications")));
    }

    [Fact]
    public async Task Ko41bReturns_OfADentalPracticeAndOfTheIcbItself_FollowTheSameRules_EvenWithNoComplaints()
    {
        await SeedAsync();
        using var icb = system.Http(await system.TokenAsync("commissioner.qkk"));

        // Z99902 is a dental practice: KO41b, its three coded complaints still open at the year's end.
        var dental = await GetAsync(icb, "/api/v1/reporting/ko41?organisation=Z99902&year=2023");
        Assert.Equal(("KO41b", 0, 3, 3), (dental.GetProperty("collection").GetString(), dental.GetProperty("broughtForward").GetInt32(),
            dental.GetProperty("new").GetInt32(), dental.GetProperty("carriedForward").GetInt32()));
        Assert.True(dental.GetProperty("valid").GetBoolean(), dental.GetProperty("validation").GetRawText());
        var csv = await icb.GetStringAsync(new Uri("/api/v1/reporting/ko41.csv?organisation=Z99902&year=2023", UriKind.Relative));
        foreach (var line in new[]
        {
            "KO41b,Z99902,2023/24,Summary,Z99902,New,3", "KO41b,Z99902,2023/24,Summary,Z99902,CarriedForward,3",
            "KO41b,Z99902,2023/24,SubjectArea,Z99902,Communications,3", "KO41b,Z99902,2023/24,Age,Z99902,26-55,3",
        })
        {
            Assert.Contains(line + "\n", csv, StringComparison.Ordinal);
        }

        // The ICB's own collection (complaints made to it about primary care) is due even when there were none.
        var own = await GetAsync(icb, "/api/v1/reporting/ko41?year=2023");
        Assert.Equal(("KO41b", "QKK", 0, true), (own.GetProperty("collection").GetString(), own.GetProperty("organisationCode").GetString(),
            own.GetProperty("new").GetInt32(), own.GetProperty("valid").GetBoolean()));
        Assert.Contains("KO41b,QKK,2023/24,Summary,QKK,New,0\n", await icb.GetStringAsync(new Uri("/api/v1/reporting/ko41.csv?year=2023", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARebuildFromTheEventLog_GivesIdenticalReadModels()
    {
        await SeedAsync();
        using var icb = system.Http(await system.TokenAsync("commissioner.qkk"));
        var before = await SnapshotAsync(Seeded);
        var oversightBefore = (await GetAsync(icb, "/api/v1/reporting/oversight?period=2023-Q3")).GetRawText();

        var replayed = await system.InReportingDb(db => ReadModels.RebuildAsync(db, CancellationToken.None, batch: 7));

        Assert.True(replayed >= 35 * 3, $"{replayed} events replayed");
        Assert.Equal(before, await SnapshotAsync(Seeded));
        Assert.Equal(oversightBefore, (await GetAsync(icb, "/api/v1/reporting/oversight?period=2023-Q3")).GetRawText());
    }

    [Fact]
    public async Task ARebuildWhileEventsArrive_NeitherDeadlocksWithTheConsumers_NorLosesAnEvent()
    {
        await SeedAsync();
        // An organisation no other test uses, so its cases can be counted exactly.
        const string Organisation = "Z9REBUILD";
        const int Cases = 60;
        var bus = system.Reporting.Services.GetRequiredService<IBus>();
        var sending = Task.Run(async () =>
        {
            for (var i = 0; i < Cases; i++)
            {
                await CaseAsync(bus, Organisation, new DateOnly(2024, 1, 2).AddDays(i), ComplaintChannel.Online, ackInTime: true, response: null, coding: null);
            }
        });
        Task<int> ArrivedAsync() => system.InReportingDb(db =>
            db.Cases.CountAsync(c => c.OrganisationCode == Organisation && c.ReceivedOn != null && c.Channel != null && c.AcknowledgedOn != null));

        // Rebuild again and again until every case has arrived: consumers and rebuilds overlap throughout.
        var arrivedBeforeTheFirstRebuild = await ArrivedAsync();
        var deadline = DateTimeOffset.UtcNow + Patience;
        do
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"only {await ArrivedAsync()} of {Cases} cases arrived");
            await system.InReportingDb(db => ReadModels.RebuildAsync(db, CancellationToken.None, batch: 50));
        }
        while (await ArrivedAsync() < Cases);
        await sending;
        Assert.True(arrivedBeforeTheFirstRebuild < Cases, "the first rebuild began while events were arriving");

        var live = await SnapshotAsync([Organisation]);
        await system.InReportingDb(db => ReadModels.RebuildAsync(db, CancellationToken.None));
        var rebuilt = await SnapshotAsync([Organisation]);
        Assert.Equal(live, rebuilt);
    }

    [Fact]
    public async Task AThemeSharedBeforeItsDetectionArrives_WaitsOutsideEveryPeriod_ThenCountsAsShared()
    {
        // A provider code and a year no other test uses.
        var bus = system.Reporting.Services.GetRequiredService<IBus>();
        var themeId = Guid.NewGuid();
        await Send(bus, new ThemeShared { ThemeId = themeId, IcbCode = "QKK", OrganisationCodes = ["Z9THEME"], SharedOn = new DateOnly(2019, 10, 20) });
        await Eventually.TrueAsync(
            async () => await system.InReportingDb(db => db.Themes.AnyAsync(t => t.ThemeId == themeId && t.Shared && t.Month == null)),
            Patience, "the early share is kept, outside every period");

        await Send(bus, new ThemeDetected
        {
            ThemeId = themeId, IcbCode = "QKK", Scope = "Provider", OrganisationCode = "Z9THEME", Dimension = "SubjectArea", Code = "Communications", Month = "2019-09",
            Observed = 9, Expected = 2.5,
        });
        await Eventually.TrueAsync(
            async () => await system.InReportingDb(db => db.Themes.AnyAsync(t => t.ThemeId == themeId && t.Shared && t.Month == new DateOnly(2019, 9, 1) && t.OrganisationCode == "Z9THEME")),
            Patience, "the detection completes the shared theme");
    }

    private static Task Send<T>(IBus bus, T message)
        where T : class => OwnQueues.SendAsync(bus, "reporting", message);

    private static bool Withheld(JsonElement element, string property) => !element.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null;

    private static void AssertRate(JsonElement set, string measure, int numerator, int denominator, double value)
    {
        var rate = set.GetProperty(measure);
        Assert.Equal((numerator, denominator, value), (rate.GetProperty("numerator").GetInt32(), rate.GetProperty("denominator").GetInt32(), rate.GetProperty("value").GetDouble()));
    }

    private Task<string> SnapshotAsync(string[] organisations) => system.InReportingDb(async db => JsonSerializer.Serialize(
        await db.Cases.AsNoTracking().Where(c => organisations.Contains(c.OrganisationCode)).OrderBy(c => c.CaseId).ToListAsync()));

    // The quarter, sent once for the whole class to reporting's own queues, exactly as the services publish their
    // events (published on the bus, they would also open real cases in the case service).
    private async Task SeedAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (_seeded)
            {
                return;
            }
            var bus = system.Reporting.Services.GetRequiredService<IBus>();
            for (var i = 0; i < 20; i++)
            {
                var early = i < 10;
                await CaseAsync(bus, "RJ2", new DateOnly(2023, 7, 3).AddDays(i), i < 12 ? ComplaintChannel.Online : ComplaintChannel.Letter, ackInTime: i >= 4,
                    response: (early, early ? 3 : 20 + (i - 10), early ? null : i - 10 < 7, i < 6 ? "Upheld" : i < 12 ? "PartiallyUpheld" : "NotUpheld"),
                    coding: (i % 2 == 0 ? ["Communications"] : ["Clinical treatment", "Communications"], i < 10 ? null : "RJ201"));
            }
            for (var i = 0; i < 12; i++)
            {
                await CaseAsync(bus, "RPG", new DateOnly(2023, 8, 1).AddDays(i), ComplaintChannel.Phone, ackInTime: true,
                    response: (i < 6, i < 6 ? 2 : 25, i < 6 ? null : true, i < 5 ? "Upheld" : "NotUpheld"), coding: null);
            }
            for (var i = 0; i < 3; i++)
            {
                await CaseAsync(bus, "Z99902", new DateOnly(2023, 9, 1).AddDays(i), ComplaintChannel.Email, ackInTime: true, response: null, coding: (["Communications"], null));
            }
            // Five RPG complaints from 2022 still unanswered, past their agreed date and the six-month backstop; the
            // backstops found two months late, as by a scan that first ran after the history was loaded.
            for (var i = 0; i < 5; i++)
            {
                var (openCase, openComplaint) = await CaseAsync(bus, "RPG", new DateOnly(2022, 6, 1).AddDays(i), ComplaintChannel.Letter, ackInTime: true, response: null, coding: null);
                foreach (var (deadline, due, found) in new[] { ("Response", new DateOnly(2022, 7, 15), new DateOnly(2022, 7, 16)), ("Backstop", new DateOnly(2022, 12, 1), new DateOnly(2023, 2, 1)) })
                {
                    await Send(bus, new CaseDeadlineMissed
                    {
                        CaseId = openCase, ComplaintId = openComplaint, OrganisationCode = "RPG", Deadline = deadline, DueOn = due, DetectedOn = found,
                    });
                }
            }
            // One more RPG complaint from 2022, answered within the backstop, though the scan had found the backstop
            // missed before the answer was entered (after the day it was sent): no breach.
            var (answered, answeredComplaint) = await CaseAsync(bus, "RPG", new DateOnly(2022, 6, 10), ComplaintChannel.Letter, ackInTime: true,
                response: (false, 14, true, "NotUpheld"), coding: null);
            await Send(bus, new CaseDeadlineMissed
            {
                CaseId = answered, ComplaintId = answeredComplaint, OrganisationCode = "RPG", Deadline = "Backstop", DueOn = new DateOnly(2022, 12, 9), DetectedOn = new DateOnly(2022, 12, 10),
            });
            // One RPG transferred on to another organisation: not RPG's complaint to count.
            var transferred = Guid.NewGuid();
            await Send(bus, new CaseOpened
            {
                CaseId = transferred, ComplaintId = Guid.NewGuid(), Reference = "TRAN-SFER", OrganisationCode = "RPG", ReceivedOn = new DateOnly(2023, 8, 20),
                AcknowledgementDueBy = new DateOnly(2023, 8, 23), OpenedAt = DateTimeOffset.UtcNow,
            });
            await Send(bus, new CaseClosed { CaseId = transferred, ComplaintId = Guid.NewGuid(), OrganisationCode = "RPG", ClosedOn = new DateOnly(2023, 8, 21), Closure = "Transferred" });

            // Every event of every seeded case applied: opened (with its channel), acknowledged, answered, coded.
            await Eventually.TrueAsync(async () => await system.InReportingDb(async db =>
                await db.Cases.CountAsync(c => c.OrganisationCode == "RJ2" && c.ReceivedOn >= new DateOnly(2023, 1, 1) && c.Channel != null && c.ResponseSentOn != null && c.AgeBand != null && c.AcknowledgedOn != null) == 20
                && await db.Cases.CountAsync(c => c.OrganisationCode == "RPG" && c.ReceivedOn != null && c.Channel != null && c.ResponseSentOn != null && c.AcknowledgedOn != null) == 13
                && await db.Cases.CountAsync(c => c.OrganisationCode == "Z99902" && c.ReceivedOn != null && c.Channel != null && c.AcknowledgedOn != null && c.AgeBand != null) == 3
                && await db.Cases.AnyAsync(c => c.CaseId == transferred && c.Closure == "Transferred" && c.ReceivedOn != null)
                && await db.MissedDeadlines.CountAsync(m => m.OrganisationCode == "RPG") == 11
                && await db.Cases.CountAsync(c => c.OrganisationCode == "RPG" && c.ReceivedOn < new DateOnly(2023, 1, 1) && c.Channel != null && c.AcknowledgedOn != null) == 6
                && await db.Complaints.CountAsync(k => k.Channel == "Letter" || k.Channel == "Online" || k.Channel == "Phone" || k.Channel == "Email") >= 35),
                Patience, "reporting has consumed the seeded quarter");
            _seeded = true;
        }
        finally
        {
            Once.Release();
        }
    }

    internal static async Task<(Guid CaseId, Guid ComplaintId)> CaseAsync(
        IBus bus, string organisation, DateOnly received, ComplaintChannel channel, bool ackInTime,
        (bool Early, int WorkingDays, bool? ByAgreedDate, string Outcome)? response, (string[] Subjects, string? Site)? coding)
    {
        var caseId = Guid.NewGuid();
        var complaintId = Guid.NewGuid();
        var due = received.AddDays(3);
        await Send(bus, new ComplaintSubmitted
        {
            ComplaintId = complaintId, Reference = "SEED-0000", OrganisationCode = organisation, ReceivedOn = received, Channel = channel, SubmittedAt = DateTimeOffset.UtcNow,
        });
        await Send(bus, new CaseOpened
        {
            CaseId = caseId, ComplaintId = complaintId, Reference = "SEED-0000", OrganisationCode = organisation, ReceivedOn = received, AcknowledgementDueBy = due,
            OpenedAt = DateTimeOffset.UtcNow,
        });
        await Send(bus, new CaseAcknowledged
        {
            CaseId = caseId, ComplaintId = complaintId, OrganisationCode = organisation, AcknowledgedOn = ackInTime ? due : due.AddDays(4), DueBy = due, InTime = ackInTime,
        });
        if (response is { } r)
        {
            await Send(bus, new FinalResponseSent
            {
                CaseId = caseId, ComplaintId = complaintId, OrganisationCode = organisation, ReceivedOn = received, SentOn = received.AddDays(20), Outcome = r.Outcome,
                ResolvedEarly = r.Early, WorkingDaysTaken = r.WorkingDays, ByAgreedDate = r.ByAgreedDate, Renegotiations = 0, WithinBackstop = true,
                UpdatesBeforeOutcome = 1, Findings = 1, FindingsUpheld = r.Outcome == "NotUpheld" ? 0 : 1, Apology = r.Outcome != "NotUpheld", Changes = 0, Remedy = false,
            });
        }
        if (coding is { } k)
        {
            var clinical = k.Subjects.Contains("Clinical treatment");
            await Send(bus, new CaseCoded
            {
                CaseId = caseId, ComplaintId = complaintId, OrganisationCode = organisation, ReceivedOn = received, Subjects = k.Subjects, ServiceArea = "A&E",
                Professions = ["Medical"], ClinicalSubCategories = clinical ? ["Diagnosis"] : [], SiteOdsCode = k.Site, AgeBand = "26-55", ComplainantStatus = "Patient",
            });
        }
        return (caseId, complaintId);
    }
}
