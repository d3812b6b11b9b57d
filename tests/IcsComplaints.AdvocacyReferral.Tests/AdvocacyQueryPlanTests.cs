extern alias advocacy;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IcsComplaints.ComplaintHandling.Tests;
using IcsComplaints.TestKit;
using Microsoft.EntityFrameworkCore;
using static IcsComplaints.AdvocacyReferral.Tests.AdvocacyTests;
using AdvocacyDbContext = advocacy::IcsComplaints.AdvocacyReferral.Api.Data.AdvocacyDbContext;

namespace IcsComplaints.AdvocacyReferral.Tests;

/// <summary>
/// What the advocacy-referral service asks its database costs the same with ten cases or ten million: each statement
/// it really sends while its consumers learn of cases opened and closed and drafts shared, and while referrals
/// are made, accepted, reviewed and revoked, is planned with its own values, and no table that grows with complaints is read in
/// full.
/// </summary>
public sealed class AdvocacyQueryPlanTests(ComplaintHandlingSystem system)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Tables that stay small whatever the number of complaints, so reading them in full costs the same.</summary>
    private static readonly IReadOnlyDictionary<string, string> SmallTables = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["advocacy_services"] = "the independent advocacy services, one per area, seeded as a directory",
    };

    [Fact]
    public async Task ReferringReviewingRevokingAndFollowingCases_NeverReadsAGrowingTableInFull()
    {
        using var complainant = system.Http(await system.TokenAsync("complainant"));
        using var handler = system.Http(await system.TokenAsync("handler.rj1"));
        using var advocate = system.Http(await system.TokenAsync("advocate.adv01"));
        using var sent = SentSql.Record();

        // CaseOpened tells the service of the case; the complainant refers themselves and the advocate accepts.
        var caseId = await ComplainantCaseAsync(complainant);
        var referral = await ReferAsync(complainant, caseId, reviewDrafts: true);
        using (var accept = await advocate.PostAsJsonAsync(new Uri($"/api/v1/advocacy/referrals/{referral.GetProperty("id").GetGuid()}/acceptance", UriKind.Relative), new { advocateName = "Ada Advocate" }))
        {
            Assert.Equal(HttpStatusCode.NoContent, accept.StatusCode);
        }
        await advocate.GetFromJsonAsync<JsonElement>(Path(caseId, "advocate-view"));
        await handler.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/advocacy/referrals?caseId={caseId}", UriKind.Relative));
        await advocate.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/advocacy/referrals", UriKind.Relative));

        // DraftShared opens a review, which the advocate comments on and completes.
        await StepAsync(handler, caseId, "acknowledgement", new { channel = "Email", discussionOffered = true });
        await StepAsync(handler, caseId, "early-resolution", new { });
        await StepAsync(handler, caseId, "response-draft", CompleteDraft, put: true);
        await StepAsync(handler, caseId, "response-draft/sharing", new { });
        var reviewId = await AdvocateReviewIdAsync(advocate, caseId, version: 1);
        await advocate.GetFromJsonAsync<JsonElement>(Path(caseId, "drafts/1"));
        using (var comment = await advocate.PostAsJsonAsync(new Uri($"/api/v1/advocacy/reviews/{reviewId}/comments", UriKind.Relative),
            new { section = "changes", text = "Please say when the new appointment will be offered.", authorName = "Ada Advocate" }))
        {
            Assert.Equal(HttpStatusCode.NoContent, comment.StatusCode);
        }
        using (var completion = await advocate.PostAsJsonAsync(new Uri($"/api/v1/advocacy/reviews/{reviewId}/completion", UriKind.Relative), new { verdict = "Approved" }))
        {
            Assert.Equal(HttpStatusCode.NoContent, completion.StatusCode);
        }

        // The complainant revokes consent: the grant ends, and case learns of it.
        using (var revoke = await complainant.PostAsync(new Uri($"/api/v1/advocacy/grants/{referral.GetProperty("grant").GetProperty("id").GetGuid()}/revocation", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        }

        // The complainant withdraws the complaint: CaseClosed closes the service's copy of the case.
        var complaintId = await system.InAdvocacyDb(db => db.Cases.Where(c => c.CaseId == caseId).Select(c => c.ComplaintId).SingleAsync());
        using (var withdrawal = await complainant.PostAsJsonAsync(new Uri($"/api/v1/complaints/{complaintId}/withdrawal", UriKind.Relative), new { }))
        {
            Assert.Equal(HttpStatusCode.OK, withdrawal.StatusCode);
        }
        await Eventually.TrueAsync(
            async () => await system.InAdvocacyDb(db => db.Cases.AnyAsync(c => c.CaseId == caseId && c.ClosedOn != null)),
            Patience, "the advocacy-referral service learns the case closed");

        var statements = sent.Of<AdvocacyDbContext>();
        Assert.Contains(statements, s => s.Sql.Contains("inbox_messages", StringComparison.Ordinal));
        await QueryPlans.AssertNoneReadInFullAsync(statements, SmallTables);
    }
}
