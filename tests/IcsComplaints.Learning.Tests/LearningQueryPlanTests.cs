extern alias learning;
using IcsComplaints.Calendar;
using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.TestKit;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using LearningDbContext = learning::IcsComplaints.Learning.Api.Data.LearningDbContext;

using static IcsComplaints.TestKit.ApiCalls;

namespace IcsComplaints.Learning.Tests;

/// <summary>
/// What learning's consumers ask its database for every case costs the same with ten cases or ten million: each
/// statement they really send while a case is opened, coded, answered with changes (proposed as actions) and closed,
/// and while a quality lead lists and takes on the actions, keeps the training register and samples and rates the
/// letters sent, is planned with its own values, and no table that grows with complaints or staff is read in full.
/// </summary>
public sealed class LearningQueryPlanTests(LearningSystem system)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static DateOnly Today => LondonTime.Today(TimeProvider.System);

    [Fact]
    public async Task FollowingACaseAndProposingItsChanges_NeverReadsAGrowingTableInFull()
    {
        var bus = system.Learning.Services.GetRequiredService<IBus>();
        var caseId = Guid.NewGuid();
        var complaintId = Guid.NewGuid();
        var received = Today.AddDays(-30);
        system.Case.Sent(caseId, ("Phone patients when a clinic is cancelled.", Today.AddDays(60)));
        using var sent = SentSql.Record();

        await OwnQueues.SendAsync(bus, "learning", new CaseOpened
        {
            CaseId = caseId, ComplaintId = complaintId, Reference = "PLAN-0001", OrganisationCode = "RJ1", ReceivedOn = received,
            AcknowledgementDueBy = received.AddDays(3), OpenedAt = DateTimeOffset.UtcNow,
        });
        await Eventually.TrueAsync(async () => await system.InLearningDb(db => db.Cases.AnyAsync(c => c.CaseId == caseId)), Patience, "learning knows the case");
        await OwnQueues.SendAsync(bus, "learning", new CaseCoded
        {
            CaseId = caseId, ComplaintId = complaintId, OrganisationCode = "RJ1", ReceivedOn = received, Subjects = ["Communications"], ServiceArea = "Outpatients",
            Professions = ["Medical"], ClinicalSubCategories = [], AgeBand = "26-55", ComplainantStatus = "Patient",
        });
        await OwnQueues.SendAsync(bus, "learning", new FinalResponseSent
        {
            CaseId = caseId, ComplaintId = complaintId, OrganisationCode = "RJ1", ReceivedOn = received, SentOn = Today, Outcome = "Upheld",
            ResolvedEarly = false, WorkingDaysTaken = 14, Renegotiations = 0, WithinBackstop = true, UpdatesBeforeOutcome = 1, Findings = 1, FindingsUpheld = 1,
            Apology = true, Changes = 1, Remedy = false,
        });
        await OwnQueues.SendAsync(bus, "learning", new CaseClosed { CaseId = caseId, ComplaintId = complaintId, OrganisationCode = "RJ1", ClosedOn = Today, Closure = "Resolved", Outcome = "Upheld" });
        await Eventually.TrueAsync(
            async () => await system.InLearningDb(async db =>
                await db.Cases.AnyAsync(c => c.CaseId == caseId && c.ClosedOn != null && c.SubjectAreas.Count > 0) && await db.Actions.AnyAsync(a => a.CaseId == caseId)),
            Patience, "learning has followed the case and proposed its change");

        using var lead = system.Http(await system.TokenAsync("quality.rj1"));
        var action = (await GetAsync(lead, $"/api/v1/learning/actions?organisation=RJ1&caseId={caseId}")).GetProperty("items")[0].GetProperty("id").GetGuid();
        await GetAsync(lead, "/api/v1/learning/actions?organisation=RJ1");
        await PostAsync(lead, $"/api/v1/learning/actions/{action}/ownership", new { owner = "Outpatients manager" });

        // The training register: someone added and trained, the register and coverage read by the lead and the ICB.
        var person = (await PostAsync(lead, "/api/v1/learning/training/staff", new { name = "Pat Plan", role = "FrontLine" }, System.Net.HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await PostAsync(lead, $"/api/v1/learning/training/staff/{person}/completions", new { course = "early-resolution" });
        await GetAsync(lead, "/api/v1/learning/training/staff");
        await GetAsync(lead, "/api/v1/learning/training/coverage");
        await GetAsync(system.Http(await system.TokenAsync("commissioner.qkk")), "/api/v1/learning/training/coverage/providers");

        // The letter sent today drawn into a sample, rated, and its results read by the lead and the ICB.
        var day = Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var review = (await PostAsync(lead, "/api/v1/learning/response-reviews/samples", new { from = day, to = day, size = 50 })).GetProperty("items").EnumerateArray()
            .Single(r => r.GetProperty("caseId").GetGuid() == caseId).GetProperty("id").GetGuid();
        var ratings = (await GetAsync(lead, "/api/v1/learning/response-reviews/criteria")).GetProperty("items").EnumerateArray()
            .ToDictionary(c => c.GetProperty("key").GetString()!, _ => "Met");
        await PutAsync(lead, $"/api/v1/learning/response-reviews/{review}/rating", new { ratings });
        await GetAsync(lead, "/api/v1/learning/response-reviews");
        await GetAsync(lead, $"/api/v1/learning/response-reviews/{review}");
        await GetAsync(lead, "/api/v1/learning/response-reviews/quality");
        await GetAsync(system.Http(await system.TokenAsync("commissioner.qkk")), "/api/v1/learning/response-reviews/quality/providers");

        var statements = sent.Of<LearningDbContext>();
        Assert.Contains(statements, s => s.Sql.Contains("learning.cases", StringComparison.Ordinal) && s.FindsRows);
        Assert.Contains(statements, s => s.Sql.Contains("learning.staff_training", StringComparison.Ordinal) && s.FindsRows);
        Assert.Contains(statements, s => s.Sql.Contains("learning.response_reviews", StringComparison.Ordinal) && s.FindsRows);
        await QueryPlans.AssertNoneReadInFullAsync(statements);
    }
}
