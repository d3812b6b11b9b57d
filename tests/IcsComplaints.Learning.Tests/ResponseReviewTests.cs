using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IcsComplaints.Calendar;
using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.Platform.Audit;
using IcsComplaints.TestKit;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using static IcsComplaints.TestKit.ApiCalls;

namespace IcsComplaints.Learning.Tests;

/// <summary>
/// A provider's quality lead draws a random sample of the signed final response letters it sent, rates each against
/// the Ombudsman's criteria with comments, and sees how its letters did criterion by criterion; the ICB that
/// commissions it sees the same results in counts, and no comment.
/// </summary>
public sealed class ResponseReviewTests(LearningSystem system)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static DateOnly Today => LondonTime.Today(TimeProvider.System);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static readonly Dictionary<string, string> AllMet = new()
    {
        ["complaint-understood"] = "Met", ["how-looked-into"] = "Met", ["reasons"] = "Met", ["impact"] = "Met",
        ["apology-and-remedy"] = "Met", ["what-will-change"] = "Met", ["plain-and-kind"] = "Met", ["next-steps"] = "Met",
    };

    [Fact]
    public async Task AQualityLeadSamplesSentLetters_RatesThemAgainstEachCriterion_AndTheIcbSeesTheResultsWithoutComments()
    {
        var sent = await LetterSentAsync("RJZ", Today.AddDays(-10));
        var another = await LetterSentAsync("RJZ", Today.AddDays(-40));
        var earlyConfirmation = await LetterSentAsync("RJZ", Today.AddDays(-5), confirmsEarlyResolution: true);
        var otherProvider = await LetterSentAsync("RJ1", Today.AddDays(-5));

        using var quality = system.Http(await system.TokenAsync("quality.rjz"));
        var drawn = (await PostAsync(quality, "/api/v1/learning/response-reviews/samples", new { from = Day(Today.AddMonths(-3)), size = 50 }))
            .GetProperty("items").EnumerateArray().ToList();
        var drawnCases = drawn.Select(d => d.GetProperty("caseId").GetGuid()).ToList();
        // Signed letters of RJZ only: not the confirmation of an early resolution, nor another provider's letter.
        Assert.Contains(sent, drawnCases);
        Assert.Contains(another, drawnCases);
        Assert.DoesNotContain(earlyConfirmation, drawnCases);
        Assert.DoesNotContain(otherProvider, drawnCases);
        // A letter is drawn once, however often samples are drawn.
        var again = (await PostAsync(quality, "/api/v1/learning/response-reviews/samples", new { from = Day(Today.AddMonths(-3)), size = 50 })).GetProperty("items");
        Assert.DoesNotContain(again.EnumerateArray(), d => d.GetProperty("caseId").GetGuid() == sent);

        var review = drawn.Single(d => d.GetProperty("caseId").GetGuid() == sent);
        var id = review.GetProperty("id").GetGuid();
        // Not yet rated: no score (left out of the JSON, as every empty value is), no ratings.
        Assert.Equal((false, 0, Day(Today.AddDays(-10))), (review.TryGetProperty("score", out _), review.GetProperty("ratings").GetArrayLength(), review.GetProperty("sentOn").GetString()));

        // Nothing went wrong, so no apology applies; the impact is partly understood.
        var ratings = new Dictionary<string, string>(AllMet) { ["apology-and-remedy"] = "NotApplicable", ["impact"] = "Partly" };
        var rated = await PutAsync(quality, $"/api/v1/learning/response-reviews/{id}/rating", new { ratings, comments = "Clear reasons; say more about what the delay meant for the family." });
        // 6 met and 1 partly of 7 that apply: 13 of 14 points.
        Assert.Equal(Math.Round(13 / 14.0, 4), rated.GetProperty("score").GetDouble());
        Assert.Equal(8, rated.GetProperty("ratings").GetArrayLength());
        Assert.Equal(Day(Today), rated.GetProperty("reviewedOn").GetString());

        // A second reading replaces the first.
        var reread = await PutAsync(quality, $"/api/v1/learning/response-reviews/{id}/rating", new { ratings = new Dictionary<string, string>(ratings) { ["next-steps"] = "NotMet" }, comments = "The Ombudsman's time limit is missing." });
        Assert.Equal(Math.Round(11 / 14.0, 4), reread.GetProperty("score").GetDouble());
        Assert.Equal(8, await system.InLearningDb(db => db.ResponseReviews.Where(r => r.Id == id).SelectMany(r => r.Ratings).CountAsync()));
        Assert.Equal("The Ombudsman's time limit is missing.", (await GetAsync(quality, $"/api/v1/learning/response-reviews/{id}")).GetProperty("comments").GetString());

        var expected = new Dictionary<string, (int Met, int Partly, int NotMet, int NotApplicable)>
        {
            ["complaint-understood"] = (1, 0, 0, 0), ["how-looked-into"] = (1, 0, 0, 0), ["reasons"] = (1, 0, 0, 0), ["impact"] = (0, 1, 0, 0),
            ["apology-and-remedy"] = (0, 0, 0, 1), ["what-will-change"] = (1, 0, 0, 0), ["plain-and-kind"] = (1, 0, 0, 0), ["next-steps"] = (0, 0, 1, 0),
        };
        var own = await GetAsync(quality, $"/api/v1/learning/response-reviews/quality?from={Day(Today.AddMonths(-3))}");
        Assert.Equal(expected, Results(own));
        Assert.True(own.GetProperty("sampled").GetInt32() >= 2);

        // The ICB that commissions RJZ sees the same counts, and no comment anywhere in what it gets.
        using var icb = system.Http(await system.TokenAsync("commissioner.qkk"));
        var providers = await icb.GetStringAsync(Uri($"/api/v1/learning/response-reviews/quality/providers?from={Day(Today.AddMonths(-3))}"));
        var rjz = JsonDocument.Parse(providers).RootElement.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("organisationCode").GetString() == "RJZ");
        Assert.Equal(expected, Results(rjz));
        Assert.Equal(Math.Round(11 / 14.0, 4), rjz.GetProperty("averageScore").GetDouble());
        Assert.DoesNotContain("time limit", providers, StringComparison.Ordinal);
        Assert.Equal(expected, Results(await GetAsync(icb, $"/api/v1/learning/response-reviews/quality?organisation=RJZ&from={Day(Today.AddMonths(-3))}")));

        Assert.Equal(2, await system.InLearningDb(db => db.Set<AuditEntry>().CountAsync(a =>
            a.Action == AuditAction.Update && a.ResourceType == "response-review" && a.ResourceId == id.ToString() && a.ActorOrganisation == "RJZ")));
        // Reading the comments, one review or the organisation's list, is audited.
        Assert.True(await system.InLearningDb(db => db.Set<AuditEntry>().AnyAsync(a =>
            a.Action == AuditAction.Read && a.ResourceType == "response-review" && a.ResourceId == id.ToString() && a.ActorOrganisation == "RJZ")));
        await GetAsync(quality, "/api/v1/learning/response-reviews");
        Assert.True(await system.InLearningDb(db => db.Set<AuditEntry>().AnyAsync(a =>
            a.Action == AuditAction.Read && a.ResourceType == "response-reviews" && a.ResourceId == "RJZ" && a.ActorOrganisation == "RJZ")));
    }

    [Fact]
    public async Task ARatingLeavingOutACriterionOrMisreadingOne_IsRefusedFieldByField_AndStoresNothing_WhileOthersGetNothing()
    {
        var sent = await LetterSentAsync("RJZ", Today.AddDays(-3));
        using var quality = system.Http(await system.TokenAsync("quality.rjz"));
        var drawn = (await PostAsync(quality, "/api/v1/learning/response-reviews/samples", new { from = Day(Today.AddDays(-3)), to = Day(Today.AddDays(-3)), size = 50 }))
            .GetProperty("items").EnumerateArray().Single(d => d.GetProperty("caseId").GetGuid() == sent);
        var id = drawn.GetProperty("id").GetGuid();
        var path = $"/api/v1/learning/response-reviews/{id}/rating";

        // Left out: how-looked-into. Not applicable where every letter must: next-steps. Misread: reasons. Unknown: tone.
        var bad = new Dictionary<string, string>(AllMet) { ["next-steps"] = "NotApplicable", ["reasons"] = "Excellent", ["tone"] = "Met" };
        bad.Remove("how-looked-into");
        await AssertFieldsAsync(quality, path, new { ratings = bad }, "ratings.how-looked-into", "ratings.next-steps", "ratings.reasons", "ratings.tone");
        await AssertFieldsAsync(quality, path, new { ratings = AllMet, comments = new string('x', 4_001) }, "comments");
        await AssertFieldsAsync(quality, "/api/v1/learning/response-reviews/samples", new { size = 0, from = "2026-02-30" }, "size", "from");
        Assert.Equal(0, await system.InLearningDb(db => db.ResponseReviews.Where(r => r.Id == id).SelectMany(r => r.Ratings).CountAsync()));

        // Another provider's quality lead cannot find it; a handler does not rate letters; another ICB sees nothing of RJZ.
        using (var rj1 = await system.Http(await system.TokenAsync("quality.rj1")).PutAsJsonAsync(Uri(path), new { ratings = AllMet }))
        {
            Assert.Equal(HttpStatusCode.NotFound, rj1.StatusCode);
        }
        using (var rj1 = await system.Http(await system.TokenAsync("quality.rj1")).GetAsync(Uri($"/api/v1/learning/response-reviews/{id}")))
        {
            Assert.Equal(HttpStatusCode.NotFound, rj1.StatusCode);
        }
        using (var handler = await system.Http(await system.TokenAsync("handler.rjz")).PutAsJsonAsync(Uri(path), new { ratings = AllMet }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, handler.StatusCode);
        }
        using (var qop = await system.Http(await system.TokenAsync("commissioner.qop")).GetAsync(Uri("/api/v1/learning/response-reviews/quality?organisation=RJZ")))
        {
            Assert.Equal(HttpStatusCode.NotFound, qop.StatusCode);
        }
    }

    // A case as the case service opens it and sends its final response: CaseOpened, then FinalResponseSent, on learning's own queue.
    private async Task<Guid> LetterSentAsync(string organisation, DateOnly sentOn, bool confirmsEarlyResolution = false)
    {
        var caseId = Guid.NewGuid();
        var bus = system.Learning.Services.GetRequiredService<IBus>();
        var received = sentOn.AddDays(-20);
        await OwnQueues.SendAsync(bus, "learning", new CaseOpened
        {
            CaseId = caseId, ComplaintId = Guid.NewGuid(), Reference = "LRN-0001", OrganisationCode = organisation, ReceivedOn = received,
            AcknowledgementDueBy = received.AddDays(3), OpenedAt = DateTimeOffset.UtcNow,
        });
        await Eventually.TrueAsync(async () => await system.InLearningDb(db => db.Cases.AnyAsync(c => c.CaseId == caseId)), Patience, "learning knows the case");
        var messageId = NewId.NextGuid();
        await OwnQueues.SendAsync(bus, "learning", new FinalResponseSent
        {
            CaseId = caseId, ComplaintId = Guid.NewGuid(), OrganisationCode = organisation, ReceivedOn = received, SentOn = sentOn, Outcome = "NotUpheld",
            ResolvedEarly = confirmsEarlyResolution, ConfirmsEarlyResolution = confirmsEarlyResolution, WorkingDaysTaken = 14, Renegotiations = 0,
            WithinBackstop = true, UpdatesBeforeOutcome = 1, Findings = 2, FindingsUpheld = 0, Apology = false, Changes = 0, Remedy = false,
        }, messageId);
        await Eventually.TrueAsync(
            async () => await system.InLearningDb(db => db.Set<IcsComplaints.Messaging.Outbox.InboxMessage>().AnyAsync(m => m.MessageId == messageId)),
            Patience, "learning has taken the sent response");
        Assert.Equal(confirmsEarlyResolution ? null : sentOn, await system.InLearningDb(db => db.Cases.Where(c => c.CaseId == caseId).Select(c => c.FinalResponseSentOn).SingleAsync()));
        return caseId;
    }

    private static Dictionary<string, (int, int, int, int)> Results(JsonElement quality) =>
        quality.GetProperty("criteria").EnumerateArray().ToDictionary(
            c => c.GetProperty("criterion").GetString()!,
            c => (c.GetProperty("met").GetInt32(), c.GetProperty("partly").GetInt32(), c.GetProperty("notMet").GetInt32(), c.GetProperty("notApplicable").GetInt32()));

    private static Uri Uri(string path) => new(path, UriKind.Relative);

    private static async Task AssertFieldsAsync(HttpClient http, string path, object body, params string[] fields)
    {
        using var response = path.EndsWith("/rating", StringComparison.Ordinal) ? await http.PutAsJsonAsync(Uri(path), body) : await http.PostAsJsonAsync(Uri(path), body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(fields.Order(StringComparer.Ordinal), errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
    }
}
