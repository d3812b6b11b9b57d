extern alias learning;
using System.Net;
using System.Net.Http.Json;
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
/// What a final response says "we will change" becomes proposed learning actions (ADR 44): learning consumes
/// <see cref="FinalResponseSent"/>, reads the wording from case, and proposes one action per change, once however
/// often the event arrives, and not at all until case answers.
/// </summary>
public sealed class ProposedActionsTests(LearningSystem system)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static DateOnly Today => LondonTime.Today(TimeProvider.System);

    [Fact]
    public async Task ASentResponseWithTwoChanges_ProposesTwoActionsOnce_WhichAreTakenOn_Completed_AndPublishedAsYouSaidWeDid()
    {
        var caseId = Guid.NewGuid();
        system.Case.Sent(caseId, ("Phone patients when a clinic is cancelled, not only write.", Today.AddDays(60)), ("Review the discharge checklist with the ward.", Today.AddDays(90)));
        var sent = Sent(caseId, "RJ1", changes: 2);

        // Delivered twice as one message, and once more as another (a second replica's, or a republished event).
        var messageId = NewId.NextGuid();
        await OwnQueues.SendAsync(Bus, "learning", sent, messageId);
        await OwnQueues.SendAsync(Bus, "learning", sent, messageId);
        await OwnQueues.SendAsync(Bus, "learning", sent);
        await Eventually.TrueAsync(async () => await ProposedCountAsync(caseId) == 2, Patience, "learning proposes the two changes");
        await Eventually.TrueAsync(
            async () => await system.InLearningDb(db => db.Set<IcsComplaints.Messaging.Outbox.InboxMessage>().CountAsync(m => m.MessageId == messageId)) == 1
                && system.Case.Reads >= 2,
            Patience, "every delivery has been handled");
        await Outboxes.PublishedAsync<LearningDbContext>(system.Learning.Services, "learning has published what it raised");
        Assert.Equal(2, await ProposedCountAsync(caseId));

        using var lead = system.Http(await system.TokenAsync("quality.rj1"));
        var listed = (await GetAsync(lead, $"/api/v1/learning/actions?organisation=RJ1&caseId={caseId}")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(
            [("Phone patients when a clinic is cancelled, not only write.", "Proposed", "", Today.AddDays(60)), ("Review the discharge checklist with the ward.", "Proposed", "", Today.AddDays(90))],
            listed.Select(a => (a.GetProperty("whatWillChange").GetString(), a.GetProperty("status").GetString(), a.GetProperty("owner").GetString(), a.GetProperty("dueOn").Day()))
                .OrderBy(a => a.Item4));
        var phone = listed.Single(a => a.GetProperty("dueOn").Day() == Today.AddDays(60)).GetProperty("id").GetGuid();
        var checklist = listed.Single(a => a.GetProperty("dueOn").Day() == Today.AddDays(90)).GetProperty("id").GetGuid();
        Assert.Equal(2, system.Capture.Messages.Count(m => m.Contains(caseId.ToString(), StringComparison.Ordinal) && m.Contains("RaisedOn", StringComparison.Ordinal)));

        // Nobody completes a change nobody has taken on; another provider does not see it.
        using (var early = await lead.PostAsJsonAsync(Uri($"/api/v1/learning/actions/{phone}/completion"), new { evidence = "x" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        }
        using (var rjz = await system.Http(await system.TokenAsync("handler.rjz")).PostAsJsonAsync(Uri($"/api/v1/learning/actions/{phone}/ownership"), new { owner = "x" }))
        {
            Assert.Equal(HttpStatusCode.NotFound, rjz.StatusCode);
        }

        var taken = await PostAsync(lead, $"/api/v1/learning/actions/{phone}/ownership", new { owner = "Outpatients manager" });
        Assert.Equal(("Open", "Outpatients manager"), (taken.GetProperty("status").GetString(), taken.GetProperty("owner").GetString()));
        using (var twice = await lead.PostAsJsonAsync(Uri($"/api/v1/learning/actions/{phone}/ownership"), new { owner = "Someone else" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        }
        var completed = await PostAsync(lead, $"/api/v1/learning/actions/{phone}/completion", new
        {
            evidence = "Audit of cancellations in March: all phoned within a day.",
            youSaid = "Nobody told you your clinic was cancelled until the letter came.",
            weDid = "We now phone everyone whose clinic is cancelled.",
        });
        Assert.Equal("Completed", completed.GetProperty("status").GetString());
        var cancelled = await PostAsync(lead, $"/api/v1/learning/actions/{checklist}/cancellation", new { reason = "Covered by the trust-wide discharge review." });
        Assert.Equal("Cancelled", cancelled.GetProperty("status").GetString());

        using var anonymous = system.Http();
        var published = await anonymous.GetStringAsync(Uri("/api/v1/you-said-we-did?organisation=RJ1"));
        Assert.Contains("We now phone everyone whose clinic is cancelled.", published, StringComparison.Ordinal);
        Assert.DoesNotContain(caseId.ToString(), published, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhileCaseCannotBeReached_TheEventIsTriedAgain_AndItsChangesAreProposedOnceCaseAnswers()
    {
        var caseId = Guid.NewGuid();
        system.Case.Sent(caseId, ("Give every caller a reference number.", Today.AddDays(30)));
        system.Case.Reachable = false;
        try
        {
            var failures = system.Case.Failures;
            await OwnQueues.SendAsync(Bus, "learning", Sent(caseId, "RJ1", changes: 1));
            await Eventually.TrueAsync(() => Task.FromResult(system.Case.Failures > failures), Patience, "learning has tried, and failed, to read the changes");
            Assert.Equal(0, await ProposedCountAsync(caseId));
        }
        finally
        {
            system.Case.Reachable = true;
        }
        await Eventually.TrueAsync(async () => await ProposedCountAsync(caseId) == 1, TimeSpan.FromSeconds(90), "the change is proposed once case answers");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await ProposedCountAsync(caseId));
    }

    [Fact]
    public async Task AnEarlyResolutionConfirmation_OrAResponseWithoutChanges_ProposesNothing_AndDoesNotAskCase()
    {
        var early = Guid.NewGuid();
        var none = Guid.NewGuid();
        system.Case.Sent(early, ("Not asked for", Today.AddDays(10)));
        var reads = system.Case.Reads;
        await OwnQueues.SendAsync(Bus, "learning", Sent(early, "RJ1", changes: 0) with { ConfirmsEarlyResolution = true });
        await OwnQueues.SendAsync(Bus, "learning", Sent(none, "RJ1", changes: 0));
        var consumer = typeof(learning::IcsComplaints.Learning.Api.Consumers.FinalResponseSentConsumer).FullName!;
        await Eventually.TrueAsync(
            async () => await system.InLearningDb(db => db.Set<IcsComplaints.Messaging.Outbox.InboxMessage>().CountAsync(m => m.Consumer == consumer)) >= 2,
            Patience, "learning has handled both events");
        Assert.Equal((0, 0, reads), (await ProposedCountAsync(early), await ProposedCountAsync(none), system.Case.Reads));
    }

    private IBus Bus => system.Learning.Services.GetRequiredService<IBus>();

    private Task<int> ProposedCountAsync(Guid caseId) => system.InLearningDb(db => db.Actions.CountAsync(a => a.CaseId == caseId));

    private static FinalResponseSent Sent(Guid caseId, string organisation, int changes) => new()
    {
        CaseId = caseId, ComplaintId = Guid.NewGuid(), OrganisationCode = organisation, ReceivedOn = Today.AddDays(-20), SentOn = Today, Outcome = "PartiallyUpheld",
        ResolvedEarly = false, WorkingDaysTaken = 14, Renegotiations = 0, WithinBackstop = true, UpdatesBeforeOutcome = 1, Findings = 2, FindingsUpheld = 1,
        Apology = true, Changes = changes, Remedy = false,
    };

    private static Uri Uri(string path) => new(path, UriKind.Relative);
}
