using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IcsComplaints.ComplaintHandling.Tests;
using IcsComplaints.TestKit;
using Microsoft.EntityFrameworkCore;
using static IcsComplaints.AdvocacyReferral.Tests.AdvocacyTests;
using ReviewStatus = IcsComplaints.AdvocacyReferral.Domain.Reviews.ReviewStatus;

namespace IcsComplaints.AdvocacyReferral.Tests;

/// <summary>
/// The advocate finishes a review with a verdict — approving the draft, or asking for changes they have said in a
/// comment — and the complaints team sees it beside the comments and on the case (ReviewCompletion).
/// </summary>
public sealed class ReviewVerdictTests(ComplaintHandlingSystem system)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ACompletion_WithoutAKnownVerdict_IsRefusedOnTheVerdictField_AndStoresNothing()
    {
        using var advocate = system.Http(await system.TokenAsync("advocate.adv01"));
        using var handler = system.Http(await system.TokenAsync("handler.rj1"));
        var (caseId, reviewId) = await SharedReviewAsync(advocate, handler);

        using (var noBody = await advocate.PostAsync(Completion(reviewId), null))
        {
            Assert.Contains("approve the draft or ask for changes", await VerdictErrorAsync(noBody), StringComparison.Ordinal);
        }
        using (var noVerdict = await advocate.PostAsJsonAsync(Completion(reviewId), new { }))
        {
            Assert.Contains("approve the draft or ask for changes", await VerdictErrorAsync(noVerdict), StringComparison.Ordinal);
        }
        using (var unknown = await advocate.PostAsJsonAsync(Completion(reviewId), new { verdict = "Maybe" }))
        {
            Assert.Equal("Must be one of: Approved, ChangesAsked.", await VerdictErrorAsync(unknown));
        }

        var stored = await system.InAdvocacyDb(db => db.Reviews.AsNoTracking().SingleAsync(r => r.Id == reviewId));
        Assert.Equal(ReviewStatus.Open, stored.Status);
        Assert.Null(stored.Verdict);
        Assert.Null(stored.ClosedOn);
        Assert.DoesNotContain(system.Capture.Messages, m => m.Contains(caseId.ToString(), StringComparison.Ordinal) && m.Contains("\"Outcome\":\"Completed\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AskingForChanges_NeedsAComment_ThenTheVerdictIsListed_PublishedAndRecordedOnTheCase()
    {
        using var advocate = system.Http(await system.TokenAsync("advocate.adv01"));
        using var handler = system.Http(await system.TokenAsync("handler.rj1"));
        var (caseId, reviewId) = await SharedReviewAsync(advocate, handler);

        using (var refused = await advocate.PostAsJsonAsync(Completion(reviewId), new { verdict = "ChangesAsked" }))
        {
            Assert.Equal("Comment on what should change before you ask for changes", await VerdictErrorAsync(refused));
        }
        var stillOpen = await ReviewAsync(handler, caseId);
        Assert.Equal("Open", stillOpen.GetProperty("status").GetString());
        Assert.Null(Verdict(stillOpen));

        using (var comment = await advocate.PostAsJsonAsync(new Uri($"/api/v1/advocacy/reviews/{reviewId}/comments", UriKind.Relative),
            new { section = "apology", text = "Please apologise for the distress, not only the delay.", authorName = "Ada Advocate" }))
        {
            Assert.Equal(HttpStatusCode.NoContent, comment.StatusCode);
        }
        using (var completed = await advocate.PostAsJsonAsync(Completion(reviewId), new { verdict = "ChangesAsked" }))
        {
            Assert.Equal(HttpStatusCode.NoContent, completed.StatusCode);
        }

        // The team reads the verdict beside the comment, the advocate sees their own, and the case records it.
        var asHandlerSees = await ReviewAsync(handler, caseId);
        Assert.Equal(("Completed", "ChangesAsked"), (asHandlerSees.GetProperty("status").GetString(), Verdict(asHandlerSees)));
        Assert.Equal("ChangesAsked", Verdict(await ReviewAsync(advocate, caseId)));
        await Eventually.TrueAsync(async () =>
        {
            var review = (await StepAsync(handler, caseId, "detail", null, get: true)).GetProperty("reviews")[0];
            return review.GetProperty("status").GetString() == "Completed" && Verdict(review) == "ChangesAsked";
        }, Patience, "the case shows the advocate asked for changes");
        Assert.Contains(system.Capture.Messages, m => m.Contains(caseId.ToString(), StringComparison.Ordinal) && m.Contains("\"Verdict\":\"ChangesAsked\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ApprovingTheDraft_NeedsNoComment_AndAWaivedReviewHasNoVerdict()
    {
        using var advocate = system.Http(await system.TokenAsync("advocate.adv01"));
        using var handler = system.Http(await system.TokenAsync("handler.rj1"));
        var (caseId, reviewId) = await SharedReviewAsync(advocate, handler);
        using (var approved = await advocate.PostAsJsonAsync(Completion(reviewId), new { verdict = "approved" }))
        {
            Assert.Equal(HttpStatusCode.NoContent, approved.StatusCode);
        }
        Assert.Equal("Approved", Verdict(await ReviewAsync(handler, caseId)));
        await Eventually.TrueAsync(
            async () => Verdict((await StepAsync(handler, caseId, "detail", null, get: true)).GetProperty("reviews")[0]) == "Approved",
            Patience, "the case shows the advocate approved the draft");

        var (waivedCase, waivedReview) = await SharedReviewAsync(advocate, handler);
        using var complainant = system.Http(await system.TokenAsync("complainant"));
        using (var waived = await complainant.PostAsync(new Uri($"/api/v1/advocacy/reviews/{waivedReview}/waiver", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.NoContent, waived.StatusCode);
        }
        var asListed = await ReviewAsync(handler, waivedCase);
        Assert.Equal("Waived", asListed.GetProperty("status").GetString());
        Assert.Null(Verdict(asListed));
        await Eventually.TrueAsync(
            async () => (await StepAsync(handler, waivedCase, "detail", null, get: true)).GetProperty("reviews")[0].GetProperty("status").GetString() == "Waived",
            Patience, "the case learns the review was waived");
        Assert.Null(Verdict((await StepAsync(handler, waivedCase, "detail", null, get: true)).GetProperty("reviews")[0]));
    }

    // A case of the complainant's whose first draft is shared with ADV01, and the open review of it.
    private async Task<(Guid CaseId, long ReviewId)> SharedReviewAsync(HttpClient advocate, HttpClient handler)
    {
        using var complainant = system.Http(await system.TokenAsync("complainant"));
        var caseId = await ComplainantCaseAsync(complainant);
        var referral = await ReferAsync(complainant, caseId, reviewDrafts: true);
        using (var accept = await advocate.PostAsJsonAsync(
            new Uri($"/api/v1/advocacy/referrals/{referral.GetProperty("id").GetGuid()}/acceptance", UriKind.Relative), new { advocateName = "Ada Advocate" }))
        {
            Assert.Equal(HttpStatusCode.NoContent, accept.StatusCode);
        }
        await StepAsync(handler, caseId, "acknowledgement", new { channel = "Email", discussionOffered = true });
        await StepAsync(handler, caseId, "early-resolution", new { });
        await StepAsync(handler, caseId, "response-draft", CompleteDraft, put: true);
        await StepAsync(handler, caseId, "response-draft/sharing", new { });
        return (caseId, await AdvocateReviewIdAsync(advocate, caseId, version: 1));
    }

    private static Uri Completion(long reviewId) => new($"/api/v1/advocacy/reviews/{reviewId}/completion", UriKind.Relative);

    private static async Task<JsonElement> ReviewAsync(HttpClient http, Guid caseId) =>
        (await http.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/advocacy/reviews?caseId={caseId}", UriKind.Relative))).GetProperty("items")[0];

    // Absent from the JSON, or null, while there is none.
    private static string? Verdict(JsonElement review) =>
        review.TryGetProperty("verdict", out var verdict) && verdict.ValueKind == JsonValueKind.String ? verdict.GetString() : null;

    private static async Task<string?> VerdictErrorAsync(HttpResponseMessage refused)
    {
        var body = await refused.Content.ReadAsStringAsync();
        Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, $"{(int)refused.StatusCode} {body}");
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
        return Assert.Single(errors.EnumerateObject(), e => e.Name == "verdict").Value[0].GetString();
    }
}
