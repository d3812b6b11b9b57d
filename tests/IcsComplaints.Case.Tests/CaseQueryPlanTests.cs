extern alias cases;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IcsComplaints.Calendar;
using IcsComplaints.ComplaintHandling.Tests;
using IcsComplaints.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IcsComplaints.TestKit.CaseApiSteps;
using CaseDbContext = cases::IcsComplaints.Case.Api.Data.CaseDbContext;
using CaseDeadlineMonitor = cases::IcsComplaints.Case.Api.Features.WatchDeadlines.CaseDeadlineMonitor;

namespace IcsComplaints.Case.Tests;

/// <summary>
/// What the case service asks its database costs the same with ten cases or ten million: each statement it really
/// sends while complaints open cases, intake's decisions (exclusion, withdrawal, time limit, link, transfer) close them, handlers take steps
/// and read their work queue is planned with its own values, and no table that grows with complaints is read in full.
/// The deadline scan reads open cases a page at a time from an index that holds only them.
/// </summary>
public sealed class CaseQueryPlanTests(ComplaintHandlingSystem system)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Tables that stay small whatever the number of complaints, so reading them in full costs the same.</summary>
    private static readonly IReadOnlyDictionary<string, string> SmallTables = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["organisation_settings"] = "one row per organisation that changed its settings",
    };

    private static DateOnly Today => LondonTime.Today(TimeProvider.System);

    [Fact]
    public async Task OpeningClosingWorkingAndQueueingCases_NeverReadsAGrowingTableInFull()
    {
        using var handler = system.Http(await system.TokenAsync("handler.rj1"));
        using var icb = system.Http(await system.TokenAsync("handler.qkk"));
        var person = Guid.NewGuid().ToString("N")[..10];
        var assignee = "plan-" + person;
        using var sent = SentSql.Record();

        // Intake's complaints open cases (ComplaintSubmittedConsumer); handlers work them.
        var worked = await OpenCaseAsync(handler, Today.AddDays(-3), $"Ann {person}", $"{person}@example.org");
        await StepAsync(handler, worked, "assignment", new { subjectId = assignee, name = "Pat Plan" });
        await StepAsync(handler, worked, "acknowledgement", new { acknowledgedOn = Iso(Today.AddDays(-2)), channel = "Letter", discussionOffered = true });
        await StepAsync(handler, worked, "pause", new { reason = "ParallelProcess", detail = "Police investigation", from = Iso(Today.AddDays(-1)) });
        await ApiCalls.GetAsync(handler, $"/api/v1/cases/{worked}");
        foreach (var query in new[] { "", $"?assignedTo={assignee}", "?sort=received", "?sort=reference", "?paused=true", "?stage=Acknowledged", "?breached=true" })
        {
            await ApiCalls.GetAsync(handler, "/api/v1/cases" + query);
        }

        // Intake's decisions close cases: an exclusion, a withdrawal, a complaint declined as out of time, a link of the
        // same person's second complaint, a transfer.
        var excluded = await SubmitAsync(handler, new { organisationCode = "RJ1", channel = "Letter", complainant = new { name = $"Bo {person}" }, description = "A request for my records." });
        await CaseOfComplaintAsync(excluded);
        await DecideAsync(handler, excluded, "exclusion", new { ground = "FreedomOfInformation", reasons = "A Freedom of Information matter.", letterSentOn = Iso(Today) });
        var withdrawn = await SubmitAsync(handler, new { organisationCode = "RJ1", channel = "Letter", complainant = new { name = $"Ed {person}" }, description = "Rude at reception." });
        await CaseOfComplaintAsync(withdrawn);
        await DecideAsync(handler, withdrawn, "withdrawal", new { });
        var late = await SubmitAsync(handler, new { organisationCode = "RJ1", channel = "Letter", complainant = new { name = $"Flo {person}" }, eventDate = Iso(Today.AddYears(-2)), description = "An appointment long ago." });
        await CaseOfComplaintAsync(late);
        await DecideAsync(handler, late, "time-limit-decision", new { decision = "Declined", letterSentOn = Iso(Today) });
        var first = await SubmitAsync(handler, new { organisationCode = "RJ1", channel = "Letter", complainant = new { name = $"Cy {person}", phone = "020 7946 0555" }, description = "Cancelled surgery." });
        var second = await SubmitAsync(handler, new { organisationCode = "RJ1", channel = "Letter", complainant = new { name = $"Cy {person}", phone = "020 7946 0555" }, description = "Cancelled surgery, again." });
        await CaseOfComplaintAsync(second);
        await DecideAsync(handler, second, "link", new { complaintId = first });
        var toIcb = await SubmitAsync(icb, new { organisationCode = "QKK", aboutOrganisationCodes = new[] { "RJ1" }, channel = "Letter", complainant = new { name = $"Di {person}", email = $"di.{person}@example.org" }, description = "The hospital lost my referral." });
        await CaseOfComplaintAsync(toIcb);
        await DecideAsync(icb, toIcb, "consent", new { given = true, recordedOn = Iso(Today) });
        await DecideAsync(icb, toIcb, "routing", new { decision = "Transfer", toOrganisationCode = "RJ1" });
        await Eventually.TrueAsync(
            async () => await system.InCaseDb(db => db.Cases.CountAsync(c => new[] { excluded, withdrawn, late, second, toIcb }.Contains(c.ComplaintId) && c.Closure != null)) == 5,
            Patience, "the excluded, withdrawn, declined, linked and transferred complaints' cases close");
        await Eventually.TrueAsync(
            async () => await system.InCaseDb(db => db.Cases.AnyAsync(c => c.ComplaintId == toIcb && c.Closure == null)),
            Patience, "the provider's case of the transferred complaint opens");

        await system.Case.Services.GetRequiredService<CaseDeadlineMonitor>().ScanAsync(CancellationToken.None);

        var statements = sent.Of<CaseDbContext>();
        Assert.Contains(statements, s => s.Sql.Contains("complaint_id", StringComparison.Ordinal) && s.FindsRows);
        await QueryPlans.AssertNoneReadInFullAsync(statements, SmallTables);
        // A page of the scan, and the pages of its cases' records, are read from the open cases' index: an index scan
        // of the whole table in identifier order would not be a sequential scan, yet would read every closed case.
        var pages = statements.Where(s => s.Sql.Contains("stage NOT IN ('Closed', 'FinalResponseSent', 'ReferredToOmbudsman')", StringComparison.Ordinal) && s.Sql.Contains("LIMIT", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(pages);
        foreach (var page in pages)
        {
            var plan = await QueryPlans.PlanAsync(page, walkingAnIndex: true);
            Assert.True(plan.Any(scan => scan.Index?.Split(" + ").Contains("ix_cases_awaiting_response") == true), $"{page.Sql}\n  plan: {string.Join("; ", plan)}");
        }
    }

    private static async Task<Guid> SubmitAsync(HttpClient http, object body)
    {
        using var response = await http.PostAsJsonAsync(new Uri("/api/v1/complaints", UriKind.Relative), body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task DecideAsync(HttpClient http, Guid complaint, string decision, object body)
    {
        using var response = await http.PostAsJsonAsync(new Uri($"/api/v1/complaints/{complaint}/{decision}", UriKind.Relative), body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{decision}: {await response.Content.ReadAsStringAsync()}");
    }

    private Task CaseOfComplaintAsync(Guid complaint) => Eventually.TrueAsync(
        async () => await system.InCaseDb(db => db.Cases.AnyAsync(c => c.ComplaintId == complaint)), Patience, "the complaint's case opens");
}
