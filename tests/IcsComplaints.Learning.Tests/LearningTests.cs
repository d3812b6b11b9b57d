// Over 300 lines on purpose: coding, themes, actions and self-assessment journeys share the helpers that open cases
// and read the learning back.
extern alias learning;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client;
using IcsComplaints.Calendar;
using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.Learning.Contracts.Grpc.V1;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.TestKit;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using DemoHistory = learning::IcsComplaints.Learning.Api.Demo.DemoHistory;
using ReportOverdueActionsHandler = learning::IcsComplaints.Learning.Api.Features.ReportOverdueActions.ReportOverdueActionsHandler;
using LearningDbContext = learning::IcsComplaints.Learning.Api.Data.LearningDbContext;
using ActionStore = learning::IcsComplaints.Learning.Api.Data.ActionStore;
using CodingStore = learning::IcsComplaints.Learning.Api.Data.CodingStore;
using LearningCaseStore = learning::IcsComplaints.Learning.Api.Data.LearningCaseStore;

using static IcsComplaints.TestKit.ApiCalls;

namespace IcsComplaints.Learning.Tests;

/// <summary>
/// Learning from complaints with the demo users, fed the case events it consumes: HCAT coding with an independent second coding
/// and Cohen's kappa, learning actions with a public "you said, we did", themes an ICB detects and shares, and
/// self-assessments against the Complaint Standards that the ICB compares.
/// </summary>
public sealed class LearningTests(LearningSystem system)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static DateOnly Today => LondonTime.Today(TimeProvider.System);

    private static object Coding(int communication, int harm, int quality = 1) => new
    {
        severities = new Dictionary<string, int>
        {
            ["quality"] = quality, ["safety"] = 0, ["environment"] = 0, ["institutionalProcesses"] = 0, ["listening"] = 0,
            ["communication"] = communication, ["respect"] = 0,
        },
        harm,
        stagesOfCare = new[] { "Care on the ward" },
    };

    [Fact]
    public async Task AQualityLead_HasComplaintsCodedTwiceIndependently_AndSeesTheKappaPerCategory()
    {
        using var handler = system.Http(await system.TokenAsync("handler.rj1"));
        using var investigator = system.Http(await system.TokenAsync("investigator.rj1"));
        using var quality = system.Http(await system.TokenAsync("quality.rj1"));
        var cases = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            cases.Add(await CaseAtAsync("RJ1"));
        }

        // The complaints handler codes five complaints; the KO41 subject areas would suggest categories.
        int[] first = [2, 2, 0, 1, 3];
        int[] second = [2, 1, 0, 1];
        int[] harms = [1, 1, 0, 2, 1];
        for (var i = 0; i < 5; i++)
        {
            var coded = await PutAsync(handler, $"/api/v1/learning/cases/{cases[i]}/hcat/complaint", Coding(first[i], harms[i]));
            Assert.False(coded.GetProperty("blinded").GetBoolean());
        }
        // A second person may not code a complaint outside a calibration sample.
        using (var refused = await investigator.PutAsJsonAsync(Uri($"/api/v1/learning/cases/{cases[4]}/hcat/complaint"), Coding(1, 1)))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        }

        // The quality lead draws a random sample; four of the five go to a second coder.
        var sample = await PostAsync(quality, "/api/v1/learning/calibration/samples", new { from = Today, to = Today, size = 200 });
        var sampled = sample.GetProperty("items").EnumerateArray().Select(x => x.GetProperty("caseId").GetGuid()).ToHashSet();
        Assert.Superset(cases.ToHashSet(), sampled);
        var queue = await GetAsync(investigator, "/api/v1/learning/calibration/queue");
        Assert.Superset(cases.ToHashSet(), queue.GetProperty("items").EnumerateArray().Select(x => x.GetProperty("caseId").GetGuid()).ToHashSet());
        Assert.DoesNotContain(cases[0], (await GetAsync(handler, "/api/v1/learning/calibration/queue")).GetProperty("items").EnumerateArray().Select(x => x.GetProperty("caseId").GetGuid()));

        // The second coder does not see the first coding until they have coded; then both are visible.
        var blind = await GetAsync(investigator, $"/api/v1/learning/cases/{cases[0]}/hcat");
        Assert.True(blind.GetProperty("blinded").GetBoolean());
        Assert.Empty(blind.GetProperty("codings").EnumerateArray());
        Assert.Single((await GetAsync(handler, $"/api/v1/learning/cases/{cases[0]}/hcat")).GetProperty("codings").EnumerateArray());
        for (var i = 0; i < 4; i++)
        {
            await PutAsync(investigator, $"/api/v1/learning/cases/{cases[i]}/hcat/complaint", Coding(second[i], harms[i]));
        }
        var both = await GetAsync(handler, $"/api/v1/learning/cases/{cases[0]}/hcat");
        Assert.False(both.GetProperty("blinded").GetBoolean());
        Assert.Equal([false, true], both.GetProperty("codings").EnumerateArray().Select(c => c.GetProperty("independent").GetBoolean()));

        // The response is coded too, and compared with the complaint.
        var compared = await PutAsync(handler, $"/api/v1/learning/cases/{cases[0]}/hcat/response", new
        {
            severities = new Dictionary<string, int> { ["quality"] = 0, ["safety"] = 0, ["environment"] = 0, ["institutionalProcesses"] = 0, ["listening"] = 0, ["communication"] = 1, ["respect"] = 0 },
        });
        var communication = compared.GetProperty("comparison").EnumerateArray().Single(c => c.GetProperty("category").GetString() == "communication");
        Assert.Equal((2, 1), (communication.GetProperty("complaint").GetInt32(), communication.GetProperty("response").GetInt32()));

        // Agreement, hand-computed for the four pairs: communication po 0.75, pe 0.3125, kappa 0.6364, weighted 0.8;
        // harm identical, kappa 1; quality coded 1 by everyone, kappa undefined.
        var report = (await GetAsync(quality, $"/api/v1/learning/calibration?organisation=RJ1&from={Today:yyyy-MM-dd}&to={Today:yyyy-MM-dd}"))
            .GetProperty("items")[0];
        Assert.Equal(4, report.GetProperty("pairs").GetInt32());
        var categories = report.GetProperty("categories").EnumerateArray().ToDictionary(c => c.GetProperty("category").GetString()!, c => c.GetProperty("agreement"));
        Assert.Equal((0.6364, 0.8), (categories["communication"].GetProperty("kappa").GetDouble(), categories["communication"].GetProperty("weightedKappa").GetDouble()));
        Assert.Equal(1.0, categories["harm"].GetProperty("kappa").GetDouble());
        Assert.False(categories["quality"].TryGetProperty("kappa", out _), "kappa is undefined when both coders used one level");

        // The ICB sees the same figures for its provider, over gRPC too; another ICB does not.
        using var channel = GrpcChannel.ForAddress(system.Learning.GrpcAddress);
        var client = new LearningService.LearningServiceClient(channel);
        var overIcb = await client.GetCalibrationAsync(
            new GetCalibrationRequest { OrganisationCode = "RJ1", From = $"{Today:yyyy-MM-dd}", To = $"{Today:yyyy-MM-dd}" }, GrpcCalls.Bearer(await system.TokenAsync("commissioner.qkk")));
        Assert.Equal(0.6364, overIcb.Organisations.Single().Categories.Single(c => c.Category == "communication").Kappa);
        var other = await Assert.ThrowsAsync<RpcException>(async () => await client.GetCalibrationAsync(
            new GetCalibrationRequest { OrganisationCode = "RJ1" }, GrpcCalls.Bearer(await system.TokenAsync("commissioner.qop"))));
        Assert.Equal(StatusCode.NotFound, other.StatusCode);
        var everyProvider = await GetAsync(system.Http(await system.TokenAsync("commissioner.qkk")), "/api/v1/learning/calibration");
        Assert.Contains("RJ1", everyProvider.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("organisationCode").GetString()));

        // Events carry the codes, never text.
        await Eventually.TrueAsync(
            () => Task.FromResult(system.Capture.Messages.Any(m => m.Contains(cases[0].ToString(), StringComparison.Ordinal) && m.Contains("\"Independent\":true", StringComparison.Ordinal))),
            Patience, "ComplaintHcatCoded is published for the second coding");
    }

    [Fact]
    public async Task ALearningAction_IsRaisedFromACase_ReportedOnceWhenOverdue_AndCompletedWithAPublicSummary()
    {
        using var handler = system.Http(await system.TokenAsync("handler.rj1"));
        var caseId = await CaseAtAsync("RJ1");
        var raised = await PostAsync(handler, "/api/v1/learning/actions", new
        {
            caseId, whatWillChange = "Phone patients when a clinic is cancelled, not only write.", owner = "Outpatients manager", dueOn = Today,
        }, HttpStatusCode.Created);
        var id = raised.GetProperty("id").GetGuid();
        Assert.Equal(("Open", false), (raised.GetProperty("status").GetString(), raised.GetProperty("overdue").GetBoolean()));

        // Another provider does not see it; an investigator reads it but does not close it.
        using (var rjz = await system.Http(await system.TokenAsync("handler.rjz")).PostAsJsonAsync(Uri($"/api/v1/learning/actions/{id}/completion"), new { evidence = "x" }))
        {
            Assert.Equal(HttpStatusCode.NotFound, rjz.StatusCode);
        }
        using (var investigator = await system.Http(await system.TokenAsync("investigator.rj1")).PostAsJsonAsync(Uri($"/api/v1/learning/actions/{id}/completion"), new { evidence = "x" }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, investigator.StatusCode);
        }

        // Two days on, the scan reports it overdue, once.
        var later = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(2));
        for (var run = 0; run < 2; run++)
        {
            await using var scope = system.Learning.Services.CreateAsyncScope();
            var sp = scope.ServiceProvider;
            await new ReportOverdueActionsHandler(new ActionStore(sp.GetRequiredService<LearningDbContext>()), sp.GetRequiredService<IOutbox>(), later)
                .HandleAsync(CancellationToken.None);
        }
        await Eventually.TrueAsync(
            () => Task.FromResult(system.Capture.Messages.Any(m => m.Contains(id.ToString(), StringComparison.Ordinal) && m.Contains("DetectedOn", StringComparison.Ordinal))),
            Patience, "LearningActionOverdue is published");
        await Outboxes.PublishedAsync<LearningDbContext>(system.Learning.Services, "learning has published both scans' events");
        Assert.Equal(1, system.Capture.Messages.Count(m => m.Contains(id.ToString(), StringComparison.Ordinal) && m.Contains("DetectedOn", StringComparison.Ordinal)));

        // A public summary that names someone is refused, field by field, and nothing changes.
        using (var named = await handler.PostAsJsonAsync(Uri($"/api/v1/learning/actions/{id}/completion"), new
        {
            evidence = "Audit of 40 cancellations in March: all phoned.", youSaid = "Mrs Patel was not told her clinic was cancelled.", weDid = "We phone now.",
        }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, named.StatusCode);
            Assert.Contains("youSaid", (await named.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name));
        }
        var open = await GetAsync(handler, $"/api/v1/learning/actions?organisation=RJ1&caseId={caseId}&status=Open");
        Assert.Equal(id, Assert.Single(open.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());

        var completed = await PostAsync(handler, $"/api/v1/learning/actions/{id}/completion", new
        {
            evidence = "Audit of 40 cancellations in March: all phoned within a day.",
            youSaid = "Letters about cancelled clinics arrived after the appointment.",
            weDid = "We now phone everyone within a day of a cancellation.",
        });
        Assert.Equal("Completed", completed.GetProperty("status").GetString());

        // Anyone may read "you said, we did": the summary and the month, nothing that points to the case.
        using var anonymous = system.Http();
        var published = await anonymous.GetStringAsync(Uri("/api/v1/you-said-we-did?organisation=RJ1"));
        Assert.Contains("We now phone everyone within a day of a cancellation.", published, StringComparison.Ordinal);
        Assert.DoesNotContain(caseId.ToString(), published, StringComparison.Ordinal);
        Assert.DoesNotContain(id.ToString(), published, StringComparison.Ordinal);

        // The ICB sees its provider's actions; another ICB does not.
        var icb = await GetAsync(system.Http(await system.TokenAsync("commissioner.qkk")), "/api/v1/learning/actions?organisation=RJ1");
        Assert.Contains(id, icb.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetGuid()));
        using var qop = await system.Http(await system.TokenAsync("commissioner.qop")).GetAsync(Uri("/api/v1/learning/actions?organisation=RJ1"));
        Assert.Equal(HttpStatusCode.NotFound, qop.StatusCode);
    }

    [Fact]
    public async Task AnIcb_SeesAThemeDetectedFromItsProvidersHistory_AndSharesTheLearningWithThem()
    {
        var lastMonth = new DateOnly(Today.Year, Today.Month, 1).AddMonths(-1);
        var month = lastMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        await system.InLearningDb(db => DemoHistory.SeedAsync(new LearningCaseStore(db), new CodingStore(db), ["RJ1", "RJZ"], lastMonth, CancellationToken.None));
        using var icb = system.Http(await system.TokenAsync("commissioner.qkk"));
        using var rj1 = system.Http(await system.TokenAsync("quality.rj1"));
        using var rjz = system.Http(await system.TokenAsync("quality.rjz"));

        var detected = (await PostAsync(icb, "/api/v1/learning/themes/detection", new { month })).GetProperty("items").EnumerateArray().ToList();
        var provider = detected.Single(t => t.GetProperty("scope").GetString() == "Provider" && t.GetProperty("organisationCode").GetString() == "RJ1"
            && t.GetProperty("dimension").GetString() == "HcatCategory" && t.GetProperty("code").GetString() == "communication");
        var system_ = detected.Single(t => t.GetProperty("scope").GetString() == "System" && t.GetProperty("dimension").GetString() == "HcatCategory"
            && t.GetProperty("code").GetString() == "communication");
        Assert.True(provider.GetProperty("observed").GetInt32() >= 5);
        Assert.True(provider.GetProperty("pValue").GetDouble() < 0.001);
        Assert.Equal(13, provider.GetProperty("monthlyObserved").GetArrayLength());
        Assert.True(system_.GetProperty("contributions").EnumerateArray().Select(c => c.GetProperty("organisationCode").GetString()).SequenceEqual(["RJ1", "RJZ"]), system_.GetRawText());

        // Detection again, over gRPC, finds the same themes, not new ones.
        using var channel = GrpcChannel.ForAddress(system.Learning.GrpcAddress);
        var grpc = new LearningService.LearningServiceClient(channel);
        var icbHeaders = GrpcCalls.Bearer(await system.TokenAsync("commissioner.qkk"));
        var again = (await grpc.DetectThemesAsync(new DetectThemesRequest { Month = month }, icbHeaders)).Themes.Select(t => Guid.Parse(t.ThemeId)).ToList();
        Assert.Equal(detected.Select(t => t.GetProperty("id").GetGuid()).Order(), again.Order());
        var notAMonth = await Assert.ThrowsAsync<RpcException>(() => grpc.DetectThemesAsync(new DetectThemesRequest { Month = "2026-13" }, icbHeaders).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, notAMonth.StatusCode);

        // Providers see nothing until it is shared; learning that names someone is refused.
        var themeId = provider.GetProperty("id").GetGuid();
        Assert.DoesNotContain(themeId, await ThemeIdsAsync(rj1, month));
        using (var named = await icb.PostAsJsonAsync(Uri($"/api/v1/learning/themes/{themeId}/sharing"), new { message = "Ring Dr Jones on 020 7946 0001." }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, named.StatusCode);
        }
        const string Learning = "Cancellation letters arrive late across South East London; phone patients instead.";
        var shared = await PostAsync(icb, $"/api/v1/learning/themes/{themeId}/sharing", new { message = Learning });
        // With every provider of the ICB, by default: not only those in the theme.
        Assert.Subset(shared.GetProperty("sharedWith").EnumerateArray().Select(s => s.GetString()).ToHashSet(), new HashSet<string?> { "RJ1", "RJZ", "Y99901" });
        // The system theme is shared over gRPC, with RJZ only.
        var sharedOverGrpc = await grpc.ShareThemeAsync(
            new ShareThemeRequest { ThemeId = system_.GetProperty("id").GetString(), Message = Learning, OrganisationCodes = { "RJZ" } }, icbHeaders);
        Assert.Equal(Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), sharedOverGrpc.SharedOn);

        // RJ1 sees the theme about itself; RJZ learns from it without being told whose it is or RJ1's figures.
        var atRj1 = await GetAsync(rj1, $"/api/v1/learning/themes/{themeId}");
        Assert.Equal(("RJ1", Learning), (atRj1.GetProperty("organisationCode").GetString(), atRj1.GetProperty("shareMessage").GetString()));
        var atRjz = await GetAsync(rjz, $"/api/v1/learning/themes/{themeId}");
        Assert.False(atRjz.TryGetProperty("organisationCode", out _), "RJZ is not told which provider the theme is about");
        var systemAtRjz = await GetAsync(rjz, $"/api/v1/learning/themes/{system_.GetProperty("id").GetGuid()}");
        Assert.Equal(["RJZ"], systemAtRjz.GetProperty("contributions").EnumerateArray().Select(c => c.GetProperty("organisationCode").GetString()));
        Assert.Empty(systemAtRjz.GetProperty("sharedWith").EnumerateArray());
        using (var qop = await system.Http(await system.TokenAsync("commissioner.qop")).GetAsync(Uri($"/api/v1/learning/themes/{themeId}")))
        {
            Assert.Equal(HttpStatusCode.NotFound, qop.StatusCode);
        }

        // RJ1 raises an action from the theme.
        await PostAsync(system.Http(await system.TokenAsync("handler.rj1")), "/api/v1/learning/actions",
            new { themeId, whatWillChange = "Phone patients about cancelled clinics.", owner = "Outpatients manager", dueOn = Today.AddMonths(2) }, HttpStatusCode.Created);
        // The ICB finds the actions raised from the theme among its provider's, and the theme's evidence drawn as SVG.
        var fromTheme = await GetAsync(icb, $"/api/v1/learning/actions?organisation=RJ1&themeId={themeId}");
        Assert.Equal([themeId], fromTheme.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("themeId").GetGuid()));
        var otherTheme = await GetAsync(icb, $"/api/v1/learning/actions?organisation=RJ1&themeId={system_.GetProperty("id").GetGuid()}");
        Assert.Empty(otherTheme.GetProperty("items").EnumerateArray());
        using (var chart = await icb.GetAsync(Uri($"/api/v1/learning/themes/{themeId}/series.svg")))
        {
            Assert.Equal("image/svg+xml", chart.Content.Headers.ContentType?.MediaType);
            var svg = System.Xml.Linq.XElement.Parse(await chart.Content.ReadAsStringAsync());
            var observed = provider.GetProperty("monthlyObserved").EnumerateArray().Select(e => e.GetInt32()).ToList();
            Assert.Equal(observed[^1].ToString(CultureInfo.InvariantCulture),
                svg.Descendants().Last(e => e.Name.LocalName == "circle" && e.Attribute("data-month") is not null).Attribute("data-numerator")!.Value);
        }
        using (var qopChart = await system.Http(await system.TokenAsync("commissioner.qop")).GetAsync(Uri($"/api/v1/learning/themes/{themeId}/series.svg")))
        {
            Assert.Equal(HttpStatusCode.NotFound, qopChart.StatusCode);
        }
        // ThemeDetected leaves through the outbox, so it is published a moment after the detection answered.
        await Eventually.TrueAsync(
            () => Task.FromResult(system.Capture.Messages.Any(m => m.Contains(themeId.ToString(), StringComparison.Ordinal) && m.Contains("\"Observed\"", StringComparison.Ordinal))),
            Patience, "ThemeDetected is published with its counts");
        await Outboxes.PublishedAsync<LearningDbContext>(system.Learning.Services, "learning has published the shares");
        Assert.Contains(system.Capture.Messages, m => m.Contains(themeId.ToString(), StringComparison.Ordinal) && m.Contains("\"SharedOn\"", StringComparison.Ordinal));
        Assert.DoesNotContain(system.Capture.Messages, m => m.Contains("Cancellation letters arrive late", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TwoProviders_CompleteTheirSelfAssessments_AndTheIcbComparesThem_WhileEachSeesOnlyAnonymousPeers()
    {
        var year = Today.Month >= 4 ? Today.Year : Today.Year - 1;
        using var rj1 = system.Http(await system.TokenAsync("quality.rj1"));
        using var rjz = system.Http(await system.TokenAsync("responsible.rjz"));
        var framework = await GetAsync(rj1, "/api/v1/learning/standards");
        var expectations = framework.GetProperty("sections").EnumerateArray()
            .SelectMany(s => s.GetProperty("expectations").EnumerateArray().Select(e => e.GetProperty("id").GetString()!)).ToList();
        Assert.Equal(25, expectations.Count);
        Assert.Equal(4, framework.GetProperty("levels").GetArrayLength());

        // Part rated: submission lists what is missing; a level below established needs improvement actions.
        var part = await PutAsync(rj1, $"/api/v1/learning/self-assessments/{year}", new
        {
            ratings = expectations.Take(24).Select(id => new { expectationId = id, level = id == "3.2" ? 2 : 3, evidence = "Quarterly audit of 20 cases." }),
        });
        Assert.Equal([expectations[24]], part.GetProperty("unrated").EnumerateArray().Select(e => e.GetString()));
        using (var incomplete = await rj1.PostAsync(Uri($"/api/v1/learning/self-assessments/{year}/submission"), null))
        {
            var errors = (await incomplete.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
            Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
            Assert.Equal(["ratings.3.2.improvementActions", $"ratings.{expectations[24]}"], errors.Order(StringComparer.Ordinal));
        }
        await PutAsync(rj1, $"/api/v1/learning/self-assessments/{year}", new
        {
            ratings = new object[]
            {
                new { expectationId = "3.2", level = 2, evidence = "Half of response dates agreed.", improvementActions = "Agree every date by phone from April." },
                new { expectationId = expectations[24], level = 4, evidence = "Every response names the Ombudsman." },
            },
        });
        var submitted = await PostAsync(rj1, $"/api/v1/learning/self-assessments/{year}/submission", null);
        Assert.Equal("Submitted", submitted.GetProperty("status").GetString());
        using (var twice = await rj1.PostAsync(Uri($"/api/v1/learning/self-assessments/{year}/submission"), null))
        {
            Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        }
        using (var handler = await system.Http(await system.TokenAsync("handler.rj1")).PutAsJsonAsync(Uri($"/api/v1/learning/self-assessments/{year}"), new { ratings = new[] { new { expectationId = "1.1", level = 1 } } }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, handler.StatusCode);
        }
        // RJ1's previous year, for its own trend.
        await PutAsync(rj1, $"/api/v1/learning/self-assessments/{year - 1}", new
        {
            ratings = expectations.Select(id => new { expectationId = id, level = 2, evidence = "Self-review.", improvementActions = "Training." }),
        });
        await PostAsync(rj1, $"/api/v1/learning/self-assessments/{year - 1}/submission", null);

        // RJZ's responsible person completes theirs.
        await PutAsync(rjz, $"/api/v1/learning/self-assessments/{year}", new
        {
            ratings = expectations.Select(id => new { expectationId = id, level = id.StartsWith('4') ? 4 : 2, evidence = "Board review.", improvementActions = "Plan agreed." }),
        });
        await PostAsync(rjz, $"/api/v1/learning/self-assessments/{year}/submission", null);

        // The ICB sees each provider; the GP practice has not started.
        var providers = (await GetAsync(system.Http(await system.TokenAsync("commissioner.qkk")), $"/api/v1/learning/self-assessments/{year}/providers"))
            .GetProperty("items").EnumerateArray().ToDictionary(p => p.GetProperty("organisationCode").GetString()!);
        Assert.Equal("Submitted", providers["RJ1"].GetProperty("status").GetString());
        Assert.Equal(4.0, providers["RJZ"].GetProperty("sectionMeans").GetProperty("4").GetDouble());
        Assert.Equal(2, providers["RJ1"].GetProperty("levels").GetProperty("3.2").GetInt32());
        Assert.False(providers["Y99901"].TryGetProperty("status", out _), "the GP practice has not started");

        // RJ1 compares with its previous year; its one peer is too few to show, so nothing of RJZ's appears.
        var comparison = await GetAsync(rj1, $"/api/v1/learning/self-assessments/{year}/comparison");
        Assert.Equal(year - 1, Assert.Single(comparison.GetProperty("previousYears").EnumerateArray()).GetProperty("year").GetInt32());
        Assert.True(comparison.GetProperty("peers").GetProperty("suppressed").GetBoolean());
        Assert.DoesNotContain("RJZ", comparison.GetRawText(), StringComparison.Ordinal);
        using var nosy = await rjz.GetAsync(Uri($"/api/v1/learning/self-assessments/{year}/comparison?organisation=RJ1"));
        Assert.Equal(HttpStatusCode.NotFound, nosy.StatusCode);

        // The same over gRPC, as the ICB: RJ1's current and previous year.
        using var channel = GrpcChannel.ForAddress(system.Learning.GrpcAddress);
        var overGrpc = await new LearningService.LearningServiceClient(channel).CompareSelfAssessmentAsync(
            new GetSelfAssessmentRequest { Year = year, OrganisationCode = "RJ1" }, GrpcCalls.Bearer(await system.TokenAsync("commissioner.qkk")));
        Assert.Equal((year, 1, 2.0), (overGrpc.Current.Year, overGrpc.PreviousYears.Count, overGrpc.PreviousYears[0].SectionMeans["1"]));
    }

    // A case as the case service opens it: CaseOpened on learning's own queue.
    private async Task<Guid> CaseAtAsync(string organisation)
    {
        var caseId = Guid.NewGuid();
        var received = Today;
        await OwnQueues.SendAsync(system.Learning.Services.GetRequiredService<IBus>(), "learning", new CaseOpened
        {
            CaseId = caseId, ComplaintId = Guid.NewGuid(), Reference = "LRN-0000", OrganisationCode = organisation, ReceivedOn = received,
            AcknowledgementDueBy = received.AddDays(3), OpenedAt = DateTimeOffset.UtcNow,
        });
        await Eventually.TrueAsync(
            async () => await system.InLearningDb(db => db.Cases.AnyAsync(c => c.CaseId == caseId)),
            Patience, "the learning service knows the case");
        return caseId;
    }

    private static async Task<List<Guid>> ThemeIdsAsync(HttpClient http, string month) =>
        [.. (await GetAsync(http, $"/api/v1/learning/themes?month={month}")).GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetGuid())];

    private static Uri Uri(string path) => new(path, UriKind.Relative);
}
