using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IcsComplaints.AdvocacyReferral.Contracts.Events;
using IcsComplaints.ComplaintHandling.Tests;
using IcsComplaints.TestKit;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace IcsComplaints.Case.Tests;

/// <summary>
/// The case hears from the advocacy service that an advocate completed their review of a shared draft, with their
/// verdict, and shows it on the case's reviews; an announcement from before verdicts existed still completes the review.
/// </summary>
public sealed class DraftReviewVerdictTests(ComplaintHandlingSystem system)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task TheCase_RecordsTheAdvocatesVerdict_AndACompletionWithoutOne_StillEndsTheReview()
    {
        using var handler = system.Http(await system.TokenAsync("handler.rj1"));
        using var advocate = system.Http(await system.TokenAsync("advocate.adv01"));
        var caseId = await CaseReviewedByAdv01Async(handler, advocate);
        var draft = new
        {
            complaintSummary = "Your appointment was cancelled three times.", outcomesSought = "A new appointment.", investigation = "We read the booking log.",
            findings = new[] { new { issue = "The cancellations", conclusion = "They happened.", reasons = "The booking log shows them.", upheld = true } },
            apology = "We are sorry.", changes = new[] { new { action = "The clinic manager reviews cancellations", by = "2027-03-31" } },
        };
        await StepAsync(handler, caseId, "response-draft", draft, HttpMethod.Put);
        await StepAsync(handler, caseId, "response-draft/sharing", new { }, HttpMethod.Post);
        // Published as the advocacy service, whose broker user alone may publish its events.
        var bus = system.Advocacy.Services.GetRequiredService<IBus>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        // As an advocacy service published it before completions carried a verdict.
        await bus.Publish(new DraftReviewCompleted { CaseId = caseId, Version = 1, ReviewerCode = "ADV01", Outcome = "Completed", Comments = 0, CompletedOn = today });
        var first = await ReviewOnceClosedAsync(handler, caseId, version: 1);
        Assert.Equal("Completed", first.GetProperty("status").GetString());
        Assert.Null(Verdict(first));

        await StepAsync(handler, caseId, "response-draft", draft with { apology = "We are sorry for the cancellations and the worry they caused." }, HttpMethod.Put);
        await StepAsync(handler, caseId, "response-draft/sharing", new { }, HttpMethod.Post);
        await bus.Publish(new DraftReviewCompleted
        {
            CaseId = caseId, Version = 2, ReviewerCode = "ADV01", Outcome = "Completed", Comments = 1, CompletedOn = today, Verdict = "ChangesAsked",
        });
        var second = await ReviewOnceClosedAsync(handler, caseId, version: 2);
        Assert.Equal(("Completed", "ChangesAsked", 1), (second.GetProperty("status").GetString(), Verdict(second), second.GetProperty("comments").GetInt32()));
    }

    // A case whose complainant consented, through the handler, to ADV01 reviewing drafts, accepted by the advocate.
    private static async Task<Guid> CaseReviewedByAdv01Async(HttpClient handler, HttpClient advocate)
    {
        using var submitted = await handler.PostAsJsonAsync(new Uri("/api/v1/complaints", UriKind.Relative), new
        {
            organisationCode = "RJ1", channel = "Letter",
            complainant = new { name = "Eve Stone", address = new { line1 = "3 Demo Street", postcode = "SE1 7EH" } },
            description = "My outpatient appointment was cancelled three times.",
        });
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var reference = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString();
        Guid caseId = default;
        await Eventually.TrueAsync(async () =>
        {
            var items = (await handler.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/cases?reference={reference}", UriKind.Relative))).GetProperty("items");
            caseId = items.GetArrayLength() > 0 ? items[0].GetProperty("caseId").GetGuid() : default;
            return caseId != default;
        }, Patience, "the case opens");
        Guid referralId = default;
        await Eventually.TrueAsync(async () =>
        {
            using var referred = await handler.PostAsJsonAsync(new Uri("/api/v1/advocacy/referrals", UriKind.Relative), new
            {
                caseId, postcode = "SE1 7EH", consent = new { viewCase = true, reviewDrafts = true, evidence = "Written" },
            });
            if (referred.StatusCode == HttpStatusCode.NotFound)
            {
                return false;
            }
            Assert.True(referred.StatusCode == HttpStatusCode.Created, await referred.Content.ReadAsStringAsync());
            referralId = (await referred.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items")[0].GetProperty("id").GetGuid();
            return true;
        }, Patience, "the advocacy service knows the case and takes the referral");
        using (var accepted = await advocate.PostAsJsonAsync(new Uri($"/api/v1/advocacy/referrals/{referralId}/acceptance", UriKind.Relative), new { advocateName = "Ada Advocate" }))
        {
            Assert.Equal(HttpStatusCode.NoContent, accepted.StatusCode);
        }
        await StepAsync(handler, caseId, "acknowledgement", new { channel = "Letter", discussionOffered = true }, HttpMethod.Post);
        await StepAsync(handler, caseId, "early-resolution", new { }, HttpMethod.Post);
        return caseId;
    }

    private static async Task<JsonElement> ReviewOnceClosedAsync(HttpClient handler, Guid caseId, int version)
    {
        JsonElement review = default;
        await Eventually.TrueAsync(async () =>
        {
            var reviews = (await handler.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/cases/{caseId}/detail", UriKind.Relative))).GetProperty("reviews");
            review = reviews.EnumerateArray().FirstOrDefault(r => r.GetProperty("version").GetInt32() == version);
            return review.ValueKind == JsonValueKind.Object && review.GetProperty("status").GetString() != "Open";
        }, Patience, $"the case hears the review of version {version} ended");
        return review;
    }

    // Absent from the JSON, or null, while there is none.
    private static string? Verdict(JsonElement review) =>
        review.TryGetProperty("verdict", out var verdict) && verdict.ValueKind == JsonValueKind.String ? verdict.GetString() : null;

    private static async Task StepAsync(HttpClient http, Guid caseId, string step, object body, HttpMethod method)
    {
        using var request = new HttpRequestMessage(method, new Uri($"/api/v1/cases/{caseId}/{step}", UriKind.Relative)) { Content = JsonContent.Create(body) };
        using var response = await http.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{step}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
