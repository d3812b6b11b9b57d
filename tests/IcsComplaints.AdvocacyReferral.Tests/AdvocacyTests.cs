extern alias advocacy;
extern alias cases;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IcsComplaints.Calendar;
using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.ComplaintHandling.Tests;
using IcsComplaints.TestKit;
using MassTransit;
using IcsComplaints.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using CaseDeadlineMonitor = cases::IcsComplaints.Case.Api.Features.WatchDeadlines.CaseDeadlineMonitor;
using DeadlineMetrics = cases::IcsComplaints.Case.Api.Features.WatchDeadlines.DeadlineMetrics;
using DeadlineScanOptions = cases::IcsComplaints.Case.Api.Features.WatchDeadlines.DeadlineScanOptions;
using DraftReviewStatus = IcsComplaints.Case.Domain.Cases.DraftReviewStatus;
using DraftReviewVerdict = IcsComplaints.Case.Domain.Cases.DraftReviewVerdict;

namespace IcsComplaints.AdvocacyReferral.Tests;

/// <summary>
/// Independent NHS complaints advocacy with the complainant's consent: the referral, the advocate's consent-gated view
/// of the case, and the review of a draft response before it is final. An advocate has no legal right to a draft
/// (domain.md §5): everything here rests on consent, checked at each view.
/// </summary>
public sealed class AdvocacyTests(ComplaintHandlingSystem system)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    internal static readonly object CompleteDraft = new
    {
        complaintSummary = "Your appointment was cancelled three times.", outcomesSought = "A new appointment and an explanation.",
        investigation = "We reviewed the booking records.",
        findings = new[] { new { issue = "The cancellations", conclusion = "They happened.", reasons = "The booking log shows three cancellations.", upheld = true } },
        apology = "We are sorry your appointment was cancelled three times.",
        changes = new[] { new { action = "Cancellations are reviewed by the clinic manager", by = "2027-03-31" } },
    };

    [Fact]
    public async Task TheComplainantConsents_TheAdvocateAccepts_ReviewsAndComments_AndTheResponseGoesOnlyAfterTheReview()
    {
        using var complainant = system.Http(await system.TokenAsync("complainant"));
        using var handler = system.Http(await system.TokenAsync("handler.rj1"));
        using var responsible = system.Http(await system.TokenAsync("responsible.rj1"));
        using var advocate = system.Http(await system.TokenAsync("advocate.adv01"));
        using var otherAdvocate = system.Http(await system.TokenAsync("advocate.adv02"));
        var caseId = await ComplainantCaseAsync(complainant);

        // The advocacy service of the complainant's area, from their postcode.
        var service = await complainant.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/advocacy-services?postcode=SE1%207EH", UriKind.Relative));
        Assert.Equal("ADV01", service.GetProperty("code").GetString());

        // The complainant refers themselves, consenting to the service seeing the case and reviewing drafts.
        var referral = await ReferAsync(complainant, caseId, reviewDrafts: true);
        Assert.Equal(("Requested", "ADV01", "Complainant"), (referral.GetProperty("status").GetString(), referral.GetProperty("advocacyServiceCode").GetString(), referral.GetProperty("requestedBy").GetString()));
        var asHandlerSees = await handler.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/advocacy/referrals?caseId={caseId}", UriKind.Relative));
        Assert.Equal(referral.GetProperty("id").GetGuid(), asHandlerSees.GetProperty("items")[0].GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdvocate.GetAsync(Path(caseId, "advocate-view"))).StatusCode);
        Assert.Empty((await otherAdvocate.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/advocacy/referrals", UriKind.Relative))).GetProperty("items").EnumerateArray());

        using (var accept = await advocate.PostAsJsonAsync(new Uri($"/api/v1/advocacy/referrals/{referral.GetProperty("id").GetGuid()}/acceptance", UriKind.Relative), new { advocateName = "Ada Advocate" }))
        {
            Assert.Equal(HttpStatusCode.NoContent, accept.StatusCode);
        }
        var view = await advocate.GetFromJsonAsync<JsonElement>(Path(caseId, "advocate-view"));
        Assert.Equal("Received", view.GetProperty("stage").GetString());
        Assert.False(view.TryGetProperty("finalResponse", out var none) && none.ValueKind != JsonValueKind.Null);

        // The response is drafted and saved privately: the advocate sees nothing until the handler shares it.
        await StepAsync(handler, caseId, "acknowledgement", new { channel = "Email", discussionOffered = true });
        await StepAsync(handler, caseId, "early-resolution", new { });
        var detail = await StepAsync(handler, caseId, "response-draft", CompleteDraft, put: true);
        Assert.Empty(detail.GetProperty("reviews").EnumerateArray());
        Assert.Equal((1, null), (detail.GetProperty("draft").GetProperty("version").GetInt32(), SharedVersion(detail)));
        Assert.Equal(HttpStatusCode.NotFound, (await advocate.GetAsync(Path(caseId, "drafts/1"))).StatusCode);

        // Shared deliberately: the draft goes to the advocate, and the response cannot go until they review it.
        detail = await StepAsync(handler, caseId, "response-draft/sharing", new { });
        var review = Assert.Single(detail.GetProperty("reviews").EnumerateArray());
        Assert.Equal(("ADV01", "Open", 1), (review.GetProperty("reviewerCode").GetString(), review.GetProperty("status").GetString(), review.GetProperty("version").GetInt32()));
        Assert.Equal(1, SharedVersion(detail));
        // Sharing the same version again opens nothing new.
        detail = await StepAsync(handler, caseId, "response-draft/sharing", new { });
        Assert.Single(detail.GetProperty("reviews").EnumerateArray());
        await StepAsync(responsible, caseId, "final-response/signature", new { name = "Rhys Responsible", title = "Chief Executive" });
        using (var blocked = await handler.PostAsJsonAsync(Path(caseId, "final-response/sending"), new { channel = "Email" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, blocked.StatusCode);
            Assert.Contains("ADV01", await blocked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // The advocate reads the draft as shared, comments, and completes the review.
        var reviewId = await AdvocateReviewIdAsync(advocate, caseId, version: 1);
        var draft = await advocate.GetFromJsonAsync<JsonElement>(Path(caseId, "drafts/1"));
        Assert.Equal("Your appointment was cancelled three times.", draft.GetProperty("draft").GetProperty("complaintSummary").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdvocate.GetAsync(Path(caseId, "drafts/1"))).StatusCode);
        using (var comment = await advocate.PostAsJsonAsync(new Uri($"/api/v1/advocacy/reviews/{reviewId}/comments", UriKind.Relative),
            new { section = "changes", text = "Please say when the new appointment will be offered.", authorName = "Ada Advocate" }))
        {
            Assert.Equal(HttpStatusCode.NoContent, comment.StatusCode);
        }
        Assert.Equal(HttpStatusCode.NoContent, (await advocate.PostAsJsonAsync(new Uri($"/api/v1/advocacy/reviews/{reviewId}/completion", UriKind.Relative), new { verdict = "ChangesAsked" })).StatusCode);
        await Eventually.TrueAsync(
            async () => await system.InCaseDb(db => db.Cases.AnyAsync(c => c.Id == caseId && c.Reviews.Any(
                r => r.Version == 1 && r.Status == DraftReviewStatus.Completed && r.Comments == 1 && r.Verdict == DraftReviewVerdict.ChangesAsked))),
            Patience, "the case learns the review is complete, with changes asked for");

        // The handler reads the comment, revises the draft privately, shares it — which opens a new review — and sends once it is done.
        var comments = await handler.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/advocacy/reviews?caseId={caseId}", UriKind.Relative));
        Assert.Equal("Please say when the new appointment will be offered.", comments.GetProperty("items")[0].GetProperty("comments")[0].GetProperty("text").GetString());
        var revised = await StepAsync(handler, caseId, "response-draft", new
        {
            complaintSummary = "Your appointment was cancelled three times.", outcomesSought = "A new appointment and an explanation.",
            investigation = "We reviewed the booking records.",
            findings = new[] { new { issue = "The cancellations", conclusion = "They happened.", reasons = "The booking log shows three cancellations.", upheld = true } },
            apology = "We are sorry your appointment was cancelled three times.",
            changes = new[] { new { action = "Cancellations are reviewed by the clinic manager", by = "2027-03-31" } },
            remedy = "We will offer you a new appointment by 15 December.",
        }, put: true);
        Assert.Equal((2, 1), (revised.GetProperty("draft").GetProperty("version").GetInt32(), SharedVersion(revised)));
        Assert.DoesNotContain(revised.GetProperty("reviews").EnumerateArray(), r => r.GetProperty("version").GetInt32() == 2);
        await StepAsync(handler, caseId, "response-draft/sharing", new { });
        await StepAsync(responsible, caseId, "final-response/signature", new { name = "Rhys Responsible", title = "Chief Executive" });
        using (var stillBlocked = await handler.PostAsJsonAsync(Path(caseId, "final-response/sending"), new { channel = "Email" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, stillBlocked.StatusCode);
        }
        var secondReview = await AdvocateReviewIdAsync(advocate, caseId, version: 2);
        Assert.Equal(HttpStatusCode.NoContent, (await advocate.PostAsJsonAsync(new Uri($"/api/v1/advocacy/reviews/{secondReview}/completion", UriKind.Relative), new { verdict = "Approved" })).StatusCode);
        await Eventually.TrueAsync(async () =>
        {
            using var send = await handler.PostAsJsonAsync(Path(caseId, "final-response/sending"), new { channel = "Email" });
            return send.StatusCode == HttpStatusCode.OK;
        }, Patience, "the final response goes once the review of the last draft is complete");
        // The advocate reads the response as it was sent.
        var sent = await advocate.GetFromJsonAsync<JsonElement>(Path(caseId, "advocate-view"));
        Assert.Equal("We will offer you a new appointment by 15 December.", sent.GetProperty("finalResponse").GetProperty("remedy").GetString());

        // The events carry counts, never the comment.
        Assert.Contains(system.Capture.Messages, m => m.Contains(caseId.ToString(), StringComparison.Ordinal) && m.Contains("\"Comments\":1", StringComparison.Ordinal));
        Assert.DoesNotContain(system.Capture.Messages, m => m.Contains("new appointment will be offered", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RevokingConsent_EndsTheAdvocatesAccessAtOnce_AndTellsThemWhen()
    {
        using var complainant = system.Http(await system.TokenAsync("complainant"));
        using var handler = system.Http(await system.TokenAsync("handler.rj1"));
        using var advocate = system.Http(await system.TokenAsync("advocate.adv01"));
        var caseId = await ComplainantCaseAsync(complainant);
        var referral = await ReferAsync(handler, caseId, reviewDrafts: true, evidence: "Written");
        Assert.Equal(HttpStatusCode.OK, (await advocate.GetAsync(Path(caseId, "advocate-view"))).StatusCode);

        using (var revoke = await complainant.PostAsync(new Uri($"/api/v1/advocacy/grants/{referral.GetProperty("grant").GetProperty("id").GetGuid()}/revocation", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        }

        // The advocate is told their access ended, and when; another service's advocate, who never had the case, still learns nothing.
        using (var ended = await advocate.GetAsync(Path(caseId, "advocate-view")))
        {
            var problem = await ended.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(HttpStatusCode.Forbidden, ended.StatusCode);
            Assert.Equal("Access ended", problem.GetProperty("title").GetString());
            Assert.Contains(LondonTime.Today(TimeProvider.System).ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")),
                problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        using var otherAdvocate = system.Http(await system.TokenAsync("advocate.adv02"));
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdvocate.GetAsync(Path(caseId, "advocate-view"))).StatusCode);
        Assert.Empty((await advocate.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/advocacy/referrals?caseId={caseId}", UriKind.Relative))).GetProperty("items").EnumerateArray());
        var asHandler = await handler.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/advocacy/referrals?caseId={caseId}", UriKind.Relative));
        Assert.Equal("Revoked", asHandler.GetProperty("items")[0].GetProperty("grant").GetProperty("endReason").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await complainant.PostAsync(new Uri($"/api/v1/advocacy/grants/{referral.GetProperty("grant").GetProperty("id").GetGuid()}/revocation", UriKind.Relative), null)).StatusCode);
    }

    [Fact]
    public async Task UnderAFakeClock_APassedReviewWindow_NoLongerHoldsTheResponseBack()
    {
        using var complainant = system.Http(await system.TokenAsync("complainant"));
        using var handler = system.Http(await system.TokenAsync("handler.rj1"));
        using var responsible = system.Http(await system.TokenAsync("responsible.rj1"));
        using var advocate = system.Http(await system.TokenAsync("advocate.adv01"));
        var caseId = await ComplainantCaseAsync(complainant);
        var referral = await ReferAsync(complainant, caseId, reviewDrafts: true);
        Assert.Equal(HttpStatusCode.NoContent, (await advocate.PostAsJsonAsync(
            new Uri($"/api/v1/advocacy/referrals/{referral.GetProperty("id").GetGuid()}/acceptance", UriKind.Relative), new { advocateName = "Ada Advocate" })).StatusCode);
        await StepAsync(handler, caseId, "acknowledgement", new { channel = "Email", discussionOffered = true });
        await StepAsync(handler, caseId, "early-resolution", new { });
        await StepAsync(handler, caseId, "response-draft", CompleteDraft, put: true);
        var detail = await StepAsync(handler, caseId, "response-draft/sharing", new { });
        var windowEnds = DateOnly.Parse(detail.GetProperty("reviews")[0].GetProperty("windowEndsOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        await StepAsync(responsible, caseId, "final-response/signature", new { name = "Rhys Responsible", title = "Chief Executive" });

        var clock = new FakeTimeProvider(new DateTimeOffset(windowEnds.AddDays(1).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
        await new CaseDeadlineMonitor(
            system.Case.Services.GetRequiredService<IServiceScopeFactory>(), clock, new WorkingDayCalendar(BankHolidays.Embedded()),
            Options.Create(new DeadlineScanOptions()), system.Case.Services.GetRequiredService<DeadlineMetrics>(), NullLogger<CaseDeadlineMonitor>.Instance).ScanAsync(CancellationToken.None);

        var expired = await StepAsync(handler, caseId, "detail", null, get: true);
        Assert.Equal("Expired", expired.GetProperty("reviews")[0].GetProperty("status").GetString());
        await StepAsync(handler, caseId, "final-response/sending", new { channel = "Email" });
        await WaitForAsync(caseId, "\"Outcome\":\"Expired\"");
    }

    [Fact]
    public async Task SharingADraft_WithNoAdvocateConsentingToReviewDrafts_IsRefusedSayingSo()
    {
        using var complainant = system.Http(await system.TokenAsync("complainant"));
        using var handler = system.Http(await system.TokenAsync("handler.rj1"));
        var caseId = await ComplainantCaseAsync(complainant);
        // An advocate may see the case but the complainant did not consent to them reviewing drafts.
        await ReferAsync(handler, caseId, reviewDrafts: false, evidence: "Written");
        await StepAsync(handler, caseId, "acknowledgement", new { channel = "Email", discussionOffered = true });
        await StepAsync(handler, caseId, "early-resolution", new { });
        await StepAsync(handler, caseId, "response-draft", CompleteDraft, put: true);

        using var refused = await handler.PostAsJsonAsync(Path(caseId, "response-draft/sharing"), new { });
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("consent to review drafts", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var detail = await StepAsync(handler, caseId, "detail", null, get: true);
        Assert.Empty(detail.GetProperty("reviews").EnumerateArray());
        Assert.Null(SharedVersion(detail));
    }

    [Fact]
    public async Task SendingADraftNeverShared_SharesItWithTheAdvocate_AndWaitsForTheirReview()
    {
        using var complainant = system.Http(await system.TokenAsync("complainant"));
        using var handler = system.Http(await system.TokenAsync("handler.rj1"));
        using var responsible = system.Http(await system.TokenAsync("responsible.rj1"));
        using var advocate = system.Http(await system.TokenAsync("advocate.adv01"));
        var caseId = await ComplainantCaseAsync(complainant);
        var referral = await ReferAsync(complainant, caseId, reviewDrafts: true);
        Assert.Equal(HttpStatusCode.NoContent, (await advocate.PostAsJsonAsync(
            new Uri($"/api/v1/advocacy/referrals/{referral.GetProperty("id").GetGuid()}/acceptance", UriKind.Relative), new { advocateName = "Ada Advocate" })).StatusCode);
        await StepAsync(handler, caseId, "acknowledgement", new { channel = "Email", discussionOffered = true });
        await StepAsync(handler, caseId, "early-resolution", new { });
        await StepAsync(handler, caseId, "response-draft", CompleteDraft, put: true);
        await StepAsync(responsible, caseId, "final-response/signature", new { name = "Rhys Responsible", title = "Chief Executive" });

        using (var blocked = await handler.PostAsJsonAsync(Path(caseId, "final-response/sending"), new { channel = "Email" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, blocked.StatusCode);
            Assert.Contains("ADV01", await blocked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        var detail = await StepAsync(handler, caseId, "detail", null, get: true);
        var review = Assert.Single(detail.GetProperty("reviews").EnumerateArray());
        Assert.Equal(("ADV01", "Open", 1), (review.GetProperty("reviewerCode").GetString(), review.GetProperty("status").GetString(), review.GetProperty("version").GetInt32()));
        Assert.Equal("ResponseDrafted", detail.GetProperty("summary").GetProperty("stage").GetString());
    }

    [Fact]
    public async Task ARedeliveredDraftShared_OpensOneReview()
    {
        using var complainant = system.Http(await system.TokenAsync("complainant"));
        using var handler = system.Http(await system.TokenAsync("handler.rj1"));
        var caseId = await ComplainantCaseAsync(complainant);
        await ReferAsync(handler, caseId, reviewDrafts: true, evidence: "Verbal");
        await Eventually.TrueAsync(async () => await system.InAdvocacyDb(db => db.Grants.AnyAsync(g => g.CaseId == caseId)), Patience, "the grant exists");
        var shared = new DraftShared
        {
            CaseId = caseId, ComplaintId = Guid.NewGuid(), OrganisationCode = "RJ1", Version = 7, AdvocacyServiceCodes = ["ADV01"],
            SharedOn = DateOnly.FromDateTime(DateTime.UtcNow), WindowEndsOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(7)),
        };
        var bus = system.Case.Services.GetRequiredService<IBus>();

        // The same fact announced three times (as a redelivery through the outbox would): one review either way.
        Guid[] announcements = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];
        foreach (var messageId in announcements)
        {
            await bus.Publish(shared, ctx => ctx.MessageId = messageId);
        }

        await Eventually.TrueAsync(
            async () => await system.InAdvocacyDb(db => db.Set<InboxMessage>().Where(m => announcements.Contains(m.MessageId)).Select(m => m.MessageId).Distinct().CountAsync()) == 3,
            Patience, "all three announcements are handled");
        Assert.Equal(1, await system.InAdvocacyDb(db => db.Reviews.CountAsync(r => r.CaseId == caseId && r.Version == 7)));
    }

    private Task WaitForAsync(Guid caseId, string fragment) =>
        Eventually.TrueAsync(
            () => Task.FromResult(system.Capture.Messages.Any(m => m.Contains(caseId.ToString(), StringComparison.Ordinal) && m.Contains(fragment, StringComparison.Ordinal))),
            Patience, $"a message with {fragment}");

    // Absent from the JSON while no version has been shared.
    private static int? SharedVersion(JsonElement detail) =>
        detail.GetProperty("draft").TryGetProperty("sharedVersion", out var shared) && shared.ValueKind == JsonValueKind.Number ? shared.GetInt32() : null;

    internal static Uri Path(Guid caseId, string step) => new($"/api/v1/cases/{caseId}/{step}", UriKind.Relative);

    internal static async Task<Guid> ComplainantCaseAsync(HttpClient complainant)
    {
        using var submitted = await complainant.PostAsJsonAsync(new Uri("/api/v1/complaints", UriKind.Relative), new
        {
            organisationCode = "RJ1",
            complainant = new { name = "Demo Complainant", email = "complainant@example.org", address = new { line1 = "5 Demo Street", postcode = "SE1 7EH" } },
            description = "My outpatient appointment was cancelled three times.",
        });
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var reference = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString();
        Guid caseId = default;
        await Eventually.TrueAsync(async () =>
        {
            var items = (await complainant.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/cases?reference={reference}", UriKind.Relative))).GetProperty("items");
            caseId = items.GetArrayLength() > 0 ? items[0].GetProperty("caseId").GetGuid() : default;
            return caseId != default;
        }, Patience, "the complainant's case opens");
        return caseId;
    }

    internal static async Task<JsonElement> ReferAsync(HttpClient http, Guid caseId, bool reviewDrafts, string? evidence = null, string? accessEndsOn = null)
    {
        JsonElement created = default;
        await Eventually.TrueAsync(async () =>
        {
            using var response = await http.PostAsJsonAsync(new Uri("/api/v1/advocacy/referrals", UriKind.Relative), new
            {
                caseId, postcode = "SE1 7EH", consent = new { viewCase = true, reviewDrafts, evidence, accessEndsOn },
            });
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return false;
            }
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            created = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items")[0];
            return true;
        }, Patience, "the advocacy service knows the case and takes the referral");
        return created;
    }

    internal static async Task<long> AdvocateReviewIdAsync(HttpClient advocate, Guid caseId, int version)
    {
        long id = 0;
        await Eventually.TrueAsync(async () =>
        {
            var items = (await advocate.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/advocacy/reviews?caseId={caseId}", UriKind.Relative))).GetProperty("items");
            var review = items.EnumerateArray().FirstOrDefault(r => r.GetProperty("version").GetInt32() == version && r.GetProperty("status").GetString() == "Open");
            id = review.ValueKind == JsonValueKind.Undefined ? 0 : review.GetProperty("id").GetInt64();
            return id != 0;
        }, Patience, $"the advocate sees the review of draft {version}");
        return id;
    }

    internal static async Task<JsonElement> StepAsync(HttpClient http, Guid caseId, string step, object? body, bool put = false, bool get = false)
    {
        using var response = get ? await http.GetAsync(Path(caseId, step))
            : put ? await http.PutAsJsonAsync(Path(caseId, step), body)
            : await http.PostAsJsonAsync(Path(caseId, step), body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{step}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
