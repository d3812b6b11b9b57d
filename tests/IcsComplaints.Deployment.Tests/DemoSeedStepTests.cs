using System.Net;
using IcsComplaints.DemoSeed;

namespace IcsComplaints.Deployment.Tests;

/// <summary>
/// The steps of a demo complaint (tools/DemoSeed, <see cref="DemoStepRunner"/>): made in order after every complaint
/// is in, each as its user, on the complaint or on the case once it opens; never made twice.
/// </summary>
public sealed class DemoSeedStepTests
{
    // Made to the ICB, transferred to RJ1 with consent, then acknowledged and looked into there.
    private const string Transferred = """
        {"complaints": [
          {"user": "handler.rj1", "idempotencyKey": "first", "request": {"organisationCode": "RJ1", "receivedOn": "{today-3}"}},
          {"user": "handler.qkk", "idempotencyKey": "transferred", "request": {"organisationCode": "QKK", "receivedOn": "{today-9}"},
           "steps": [
             {"user": "handler.qkk", "method": "POST", "path": "complaints/{complaintId}/routing", "body": {"decision": "Transfer", "toOrganisationCode": "RJ1"}},
             {"user": "handler.rj1", "method": "POST", "path": "cases/{caseId}/acknowledgement", "body": {"acknowledgedOn": "{today-8}", "channel": "Letter", "discussionOffered": true}},
             {"user": "handler.rj1", "method": "PUT", "path": "cases/{caseId}/response-draft", "body": {"complaintSummary": "s"}},
             {"user": "responsible.rj1", "method": "POST", "path": "cases/{caseId}/final-response/signature", "body": {"name": "n", "title": "t"}}
           ]}
        ]}
        """;

    [Fact]
    public async Task Steps_AreMadeAfterEveryComplaintIsIn_InOrder_AsTheirUsers_OnTheCaseOnceItOpens()
    {
        var gateway = new StandInGateway { PollsBeforeOpen = 2 };

        var report = await DemoSeedTests.Seed(gateway, Fixture());

        Assert.Equal([SeedOutcome.Recorded, SeedOutcome.Recorded], report.Complaints);
        Assert.Equal(Enumerable.Repeat(SeedOutcome.Recorded, 4), report.Steps);
        var complaintId = gateway.ComplaintIdOf("transferred");
        var caseId = gateway.CaseIdOf("ICS-2");
        Assert.Equal(
            [
                ("handler.rj1", "POST", "/api/v1/complaints"), ("handler.qkk", "POST", "/api/v1/complaints"),
                // Has an earlier run stepped its case? Not yet: the transfer, then the case is awaited.
                ("handler.rj1", "GET", "/api/v1/cases"),
                ("handler.qkk", "POST", $"/api/v1/complaints/{complaintId}/routing"),
                ("handler.rj1", "GET", "/api/v1/cases"), ("handler.rj1", "GET", "/api/v1/cases"),
                ("handler.rj1", "POST", $"/api/v1/cases/{caseId}/acknowledgement"),
                ("handler.rj1", "PUT", $"/api/v1/cases/{caseId}/response-draft"),
                ("responsible.rj1", "POST", $"/api/v1/cases/{caseId}/final-response/signature"),
            ],
            gateway.Calls.Select(c => (c.User, c.Method, c.Path)));
        Assert.All(gateway.Calls.Where(c => c.Method == "GET"), c => Assert.Equal("?reference=ICS-2", c.Query));
        Assert.Equal("2026-03-02", gateway.Steps.ElementAt(1).Body!["acknowledgedOn"]!.GetValue<string>());
        Assert.All(gateway.Steps, s => Assert.Null(s.Key));
    }

    [Fact]
    public async Task ASecondRun_MakesNoStepAgain_AndCountsThemAsAlreadyMade()
    {
        var gateway = new StandInGateway();
        await DemoSeedTests.Seed(gateway, Fixture());
        var firstRun = gateway.Calls.Count;
        var log = new StringWriter();

        var report = await DemoSeedTests.Seed(gateway, Fixture(), log);

        Assert.Equal([SeedOutcome.AlreadyRecorded, SeedOutcome.AlreadyRecorded], report.Complaints);
        Assert.Equal(Enumerable.Repeat(SeedOutcome.AlreadyRecorded, 4), report.Steps);
        // The case, past Received, shows the complaint was stepped: neither the transfer nor a case step is sent again.
        var secondRun = gateway.Calls.Skip(firstRun).ToList();
        Assert.DoesNotContain(secondRun, c => c.Method != "GET" && c.Path != "/api/v1/complaints");
        Assert.Contains("its case is Acknowledged, stepped by an earlier run", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStepRefusedAsAlreadyDone_CountsAsMade_AndTheNextStepsAreStillMade()
    {
        var gateway = new StandInGateway();
        gateway.StepAnswers["/routing"] = HttpStatusCode.Conflict;

        var report = await DemoSeedTests.Seed(gateway, Fixture());

        Assert.Equal([SeedOutcome.AlreadyRecorded, SeedOutcome.Recorded, SeedOutcome.Recorded, SeedOutcome.Recorded], report.Steps);
    }

    [Fact]
    public async Task AStepRefused_FailsItAndTheStepsAfterIt_WithAWarning()
    {
        var gateway = new StandInGateway();
        gateway.StepAnswers["/response-draft"] = HttpStatusCode.BadRequest;
        var log = new StringWriter();

        var report = await DemoSeedTests.Seed(gateway, Fixture(), log);

        Assert.Equal([SeedOutcome.Recorded, SeedOutcome.Recorded, SeedOutcome.Failed, SeedOutcome.Failed], report.Steps);
        Assert.DoesNotContain(gateway.Steps, s => s.Path.EndsWith("/signature", StringComparison.Ordinal));
        Assert.Contains("warning: step 3 (PUT cases/{caseId}/response-draft) of demo complaint transferred by handler.rj1 was not accepted: 400", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStepRefusedForTheRateLimit_IsSentAgainAfterTheWaitAsked_AndMadeOnce()
    {
        var gateway = new StandInGateway { RateLimitedSteps = DemoGateway.MostAttempts - 1 };
        var log = new StringWriter();

        var report = await DemoSeedTests.Seed(gateway, Fixture(), log);

        Assert.Equal(Enumerable.Repeat(SeedOutcome.Recorded, 4), report.Steps);
        Assert.Single(gateway.Steps, s => s.Path.EndsWith("/response-draft", StringComparison.Ordinal));
        Assert.Contains("the gateway's limit per user is reached; waiting 0 s", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStepStillRateLimitedAfterItsLastAttempt_Fails()
    {
        var gateway = new StandInGateway { RateLimitedSteps = 100 };

        var report = await DemoSeedTests.Seed(gateway, Fixture());

        Assert.Equal(Enumerable.Repeat(SeedOutcome.Failed, 4), report.Steps);
    }

    [Fact]
    public async Task ACaseThatNeverOpens_FailsItsSteps_WithAWarning()
    {
        var gateway = new StandInGateway { NoCaseOpens = true };
        var log = new StringWriter();

        var report = await DemoSeedTests.Seed(gateway, Fixture(), log, caseWait: TimeSpan.FromMilliseconds(300));

        Assert.Equal([SeedOutcome.Recorded, SeedOutcome.Failed, SeedOutcome.Failed, SeedOutcome.Failed], report.Steps);
        Assert.Contains("no case opened for ICS-2", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AComplaintRecordedOnAnEarlierDay_HasItsStepsCountedAsMadeThen_WithoutACall()
    {
        var gateway = new StandInGateway { Answer = HttpStatusCode.Conflict };

        var report = await DemoSeedTests.Seed(gateway, Fixture());

        Assert.Equal(Enumerable.Repeat(SeedOutcome.AlreadyRecorded, 4), report.Steps);
        Assert.Empty(gateway.Steps);
    }

    [Fact]
    public async Task TheStepsOfAComplaintNotRecorded_AreNotMade()
    {
        var gateway = new StandInGateway { Answer = HttpStatusCode.BadRequest };

        var report = await DemoSeedTests.Seed(gateway, Fixture());

        Assert.Equal(Enumerable.Repeat(SeedOutcome.Failed, 4), report.Steps);
        Assert.Empty(gateway.Steps);
    }

    [Fact]
    public async Task WhatIsDatedAfterTheSeedingDay_IsNotMadeYet_NorAnyStepAfterIt()
    {
        // Seeded on 10 March: a complaint of the 11th has not come yet; the 9th's is acknowledged on the 10th, but its
        // closer look of the 12th, and the draft after it, are still ahead.
        var fixture = DemoFixture.Parse("""
            {"complaints": [
              {"user": "handler.rj1", "idempotencyKey": "ahead", "request": {"organisationCode": "RJ1", "receivedOn": "{month-0/11}"}},
              {"user": "handler.rj1", "idempotencyKey": "begun", "request": {"organisationCode": "RJ1", "receivedOn": "{month-0/9}"},
               "steps": [
                 {"user": "handler.rj1", "method": "POST", "path": "cases/{caseId}/acknowledgement", "on": "{month-0/9+1}", "body": {"acknowledgedOn": "{month-0/9+1}"}},
                 {"user": "handler.rj1", "method": "POST", "path": "cases/{caseId}/closer-look", "on": "{month-0/9+3}", "body": {"startedOn": "{month-0/9+3}"}},
                 {"user": "handler.rj1", "method": "PUT", "path": "cases/{caseId}/response-draft", "body": {"complaintSummary": "s"}}
               ]}
            ]}
            """, "ahead.json");
        var gateway = new StandInGateway();

        var report = await DemoSeedTests.Seed(gateway, fixture);

        Assert.Equal([SeedOutcome.NotYet, SeedOutcome.Recorded], report.Complaints);
        Assert.Equal([SeedOutcome.Recorded, SeedOutcome.NotYet, SeedOutcome.NotYet], report.Steps);
        Assert.Equal(["begun"], gateway.Submitted.Select(s => s.Key));
        Assert.Equal("2026-03-10", Assert.Single(gateway.Steps).Body!["acknowledgedOn"]!.GetValue<string>());
    }

    private static DemoFixture Fixture() => DemoFixture.Parse(Transferred, "steps.json");
}
