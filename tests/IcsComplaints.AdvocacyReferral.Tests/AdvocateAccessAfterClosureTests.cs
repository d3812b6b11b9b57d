extern alias advocacy;
extern alias cases;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IcsComplaints.Calendar;
using IcsComplaints.ComplaintHandling.Tests;
using IcsComplaints.TestKit;
using Microsoft.Extensions.DependencyInjection;
using AdvocateAccess = cases::IcsComplaints.Case.Api.Features.AdvocateView.AdvocateAccess;
using ReferralQueries = advocacy::IcsComplaints.AdvocacyReferral.Api.Data.ReferralQueries;
using static IcsComplaints.AdvocacyReferral.Tests.AdvocacyTests;

namespace IcsComplaints.AdvocacyReferral.Tests;

/// <summary>
/// After the case closes, the advocate reads the final response for as long as the complainant's consent says (by
/// default the configured period after closure), and then is told that access ended and when (ADR 26).
/// </summary>
public sealed class AdvocateAccessAfterClosureTests(ComplaintHandlingSystem system)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AfterClosure_TheAdvocateReadsTheFinalResponse_UntilThePlannedEnd_ThenAccessEndedWithTheDate()
    {
        var (caseId, advocate, _) = await ClosedCaseReferredToAdv01Async();
        var today = LondonTime.Today(TimeProvider.System);

        var view = await ClosedViewAsync(advocate, caseId);
        Assert.Equal("Closed", view.GetProperty("stage").GetString());
        Assert.Equal("Your appointment was cancelled three times.", view.GetProperty("finalResponse").GetProperty("complaintSummary").GetString());
        Assert.Empty(view.GetProperty("reviews").EnumerateArray());
        var lastDay = DateOnly.Parse(view.GetProperty("accessEndsOn").GetString()!, CultureInfo.InvariantCulture);
        Assert.Equal(today.AddDays(28), lastDay);

        // The same check the service makes with its clock, on the last day and the day after.
        await using var scope = system.Advocacy.Services.CreateAsyncScope();
        var queries = scope.ServiceProvider.GetRequiredService<ReferralQueries>();
        Assert.NotNull(await queries.GrantInForceAsync(caseId, "ADV01", lastDay, CancellationToken.None));
        Assert.Null(await queries.LatestEndedGrantAsync(caseId, "ADV01", lastDay, CancellationToken.None));
        Assert.Null(await queries.GrantInForceAsync(caseId, "ADV01", lastDay.AddDays(1), CancellationToken.None));
        var ended = await queries.LatestEndedGrantAsync(caseId, "ADV01", lastDay.AddDays(1), CancellationToken.None);
        Assert.Equal(lastDay, ended?.EndedOn);
        Assert.Contains(lastDay.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")), AdvocateAccess.AccessEndedDetail(lastDay), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokingConsentAfterClosure_EndsTheReadingAtOnce_AndAnotherServicesAdvocateStillGetsNotFound()
    {
        var (caseId, advocate, grantId) = await ClosedCaseReferredToAdv01Async();
        await ClosedViewAsync(advocate, caseId);
        using var otherAdvocate = system.Http(await system.TokenAsync("advocate.adv02"));
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdvocate.GetAsync(Path(caseId, "advocate-view"))).StatusCode);

        using var complainant = system.Http(await system.TokenAsync("complainant"));
        using (var revoke = await complainant.PostAsync(new Uri($"/api/v1/advocacy/grants/{grantId}/revocation", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        }

        using var refused = await advocate.GetAsync(Path(caseId, "advocate-view"));
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("Access ended", problem.GetProperty("title").GetString());
        Assert.Contains(LondonTime.Today(TimeProvider.System).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")),
            problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEndTheComplainantGave_IsShownToTheAdvocate_AndOneInThePastIsRefusedByField()
    {
        using var complainant = system.Http(await system.TokenAsync("complainant"));
        using var handler = system.Http(await system.TokenAsync("handler.rj1"));
        using var advocate = system.Http(await system.TokenAsync("advocate.adv01"));
        var caseId = await ComplainantCaseAsync(complainant);
        var today = LondonTime.Today(TimeProvider.System);
        var lastDay = today.AddDays(90).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await ReferAsync(handler, caseId, reviewDrafts: false, evidence: "Written", accessEndsOn: lastDay);

        var view = await advocate.GetFromJsonAsync<JsonElement>(Path(caseId, "advocate-view"));
        Assert.Equal(lastDay, view.GetProperty("accessEndsOn").GetString());

        using var past = await handler.PostAsJsonAsync(new Uri("/api/v1/advocacy/referrals", UriKind.Relative), new
        {
            caseId, advocacyServiceCode = "ADV02",
            consent = new { viewCase = true, evidence = "Written", accessEndsOn = today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
        });
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        var problem = await past.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("consent.accessEndsOn", out _), problem.ToString());
        var referrals = await handler.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/advocacy/referrals?caseId={caseId}", UriKind.Relative));
        Assert.Single(referrals.GetProperty("items").EnumerateArray());
    }

    // A complaint referred by the handler to ADV01 (the case, not drafts), answered, coded for KO41 and closed.
    private async Task<(Guid CaseId, HttpClient Advocate, Guid GrantId)> ClosedCaseReferredToAdv01Async()
    {
        using var complainant = system.Http(await system.TokenAsync("complainant"));
        using var handler = system.Http(await system.TokenAsync("handler.rj1"));
        using var responsible = system.Http(await system.TokenAsync("responsible.rj1"));
        var advocate = system.Http(await system.TokenAsync("advocate.adv01"));
        var caseId = await ComplainantCaseAsync(complainant);
        var referral = await ReferAsync(handler, caseId, reviewDrafts: false, evidence: "Written");
        Assert.Equal(HttpStatusCode.OK, (await advocate.GetAsync(Path(caseId, "advocate-view"))).StatusCode);
        await StepAsync(handler, caseId, "acknowledgement", new { channel = "Email", discussionOffered = true });
        await StepAsync(handler, caseId, "early-resolution", new { });
        await StepAsync(handler, caseId, "response-draft", CompleteDraft, put: true);
        await StepAsync(responsible, caseId, "final-response/signature", new { name = "Rhys Responsible", title = "Chief Executive" });
        await StepAsync(handler, caseId, "final-response/sending", new { channel = "Email" });
        await StepAsync(handler, caseId, "coding", new
        {
            subjects = new[] { "Waiting times", "Communications" }, serviceArea = "A&E", professions = new[] { "Nursing, midwifery and health visiting" },
            ageBand = "75+", complainantStatus = "On behalf of the patient",
        }, put: true);
        await StepAsync(handler, caseId, "closure", new { });
        return (caseId, advocate, referral.GetProperty("grant").GetProperty("id").GetGuid());
    }

    // The advocate's view once the advocacy-referral service has taken in the closure and fixed the planned end.
    private static async Task<JsonElement> ClosedViewAsync(HttpClient advocate, Guid caseId)
    {
        JsonElement view = default;
        await Eventually.TrueAsync(async () =>
        {
            view = await advocate.GetFromJsonAsync<JsonElement>(Path(caseId, "advocate-view"));
            return view.TryGetProperty("accessEndsOn", out var end) && end.ValueKind == JsonValueKind.String;
        }, Patience, "the closure reaches the advocacy-referral service");
        return view;
    }
}
