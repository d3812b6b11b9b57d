using IcsComplaints.AdvocacyReferral.Api.Features.AcceptReferral;
using IcsComplaints.AdvocacyReferral.Api.Features.Comment;
using IcsComplaints.AdvocacyReferral.Api.Features.CompleteReview;
using IcsComplaints.AdvocacyReferral.Api.Features.DeclineReferral;
using IcsComplaints.AdvocacyReferral.Api.Features.FindAdvocacyService;
using IcsComplaints.AdvocacyReferral.Api.Features.ListReferrals;
using IcsComplaints.AdvocacyReferral.Api.Features.ListReviews;
using IcsComplaints.AdvocacyReferral.Api.Features.RequestReferral;
using IcsComplaints.AdvocacyReferral.Api.Features.RequestSelfReferral;
using IcsComplaints.AdvocacyReferral.Api.Features.RevokeConsent;
using IcsComplaints.AdvocacyReferral.Api.Features.WaiveReview;
using IcsComplaints.Platform.Security;
using IcsComplaints.ServiceDefaults;
using IcsComplaints.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace IcsComplaints.AdvocacyReferral.Api.Api;

/// <summary>The REST API: the public directory (<c>/api/v1/advocacy-services</c>), referrals, consent and reviews (<c>/api/v1/advocacy</c>).</summary>
public static class AdvocacyEndpoints
{
    /// <summary>Header carrying the status secret of a complaint submitted online (the same as intake's progress check).</summary>
    public const string StatusSecretHeader = "X-Complaint-Secret";

    /// <summary>Maps the endpoints.</summary>
    public static void MapAdvocacyEndpoints(this IEndpointRouteBuilder app)
    {
        var directory = app.MapGroup("/api/v1/advocacy-services").WithTags("Advocacy").AllowAnonymous();
        directory.MapGet("", async Task<Results<Ok<ItemList<AdvocacyServiceView>>, Ok<AdvocacyServiceView>, NotFound>> (
            string? postcode, string? localAuthority, FindAdvocacyServiceHandler services, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(postcode) && string.IsNullOrWhiteSpace(localAuthority))
            {
                return TypedResults.Ok(new ItemList<AdvocacyServiceView>(await services.ListAsync(ct)));
            }
            return await services.FindAsync(postcode, localAuthority, ct) is { } found ? TypedResults.Ok(found) : TypedResults.NotFound();
        });
        directory.MapGet("/{code}", async Task<Results<Ok<AdvocacyServiceView>, NotFound>> (string code, FindAdvocacyServiceHandler services, CancellationToken ct) =>
            await services.GetAsync(code, ct) is { } found ? TypedResults.Ok(found) : TypedResults.NotFound());

        var group = app.MapGroup("/api/v1/advocacy").WithTags("Advocacy");
        group.MapGet("/referrals", async Task<Ok<ItemList<ReferralView>>> (Guid? caseId, Caller caller, ListReferralsHandler referrals, CancellationToken ct) =>
            TypedResults.Ok(new ItemList<ReferralView>(await referrals.HandleAsync(caller, caseId, ct))));
        group.MapPost("/referrals", async Task<Created<ItemList<ReferralView>>> (
            [FromBody] RequestReferralRequest? input, Caller caller, RequestReferralHandler request, ListReferralsHandler referrals, CancellationToken ct) =>
        {
            var id = await request.HandleAsync(caller, input ?? throw Missing(), ct);
            var created = (await referrals.HandleAsync(caller, input.CaseId, ct)).Where(r => r.Id == id).ToList();
            return TypedResults.Created($"/api/v1/advocacy/referrals?caseId={input.CaseId}", new ItemList<ReferralView>(created));
        });
        // Anyone holding a complaint's reference and status secret: the complainant, who needs no account.
        group.MapPost("/self-referrals", async Task<Results<Created<SelfReferralView>, Ok<SelfReferralView>>> (
            [FromBody] SelfReferralRequest? input, [FromHeader(Name = StatusSecretHeader)] string? secret, RequestSelfReferralHandler request, CancellationToken ct) =>
        {
            var outcome = await request.HandleAsync(secret, input ?? throw Missing(), ct);
            return outcome.Created ? TypedResults.Created((string?)null, outcome.Referral) : TypedResults.Ok(outcome.Referral);
        }).AllowAnonymous();
        group.MapPost("/referrals/{id:guid}/acceptance", async Task<NoContent> (
            Guid id, [FromBody] AcceptReferralRequest? input, Caller caller, AcceptReferralHandler accept, CancellationToken ct) =>
        {
            await accept.HandleAsync(caller, id, input ?? throw Missing(), ct);
            return TypedResults.NoContent();
        });
        group.MapPost("/referrals/{id:guid}/decline", async Task<NoContent> (
            Guid id, [FromBody] DeclineReferralRequest? input, Caller caller, DeclineReferralHandler decline, CancellationToken ct) =>
        {
            await decline.HandleAsync(caller, id, input ?? throw Missing(), ct);
            return TypedResults.NoContent();
        });
        group.MapPost("/grants/{id:guid}/revocation", async Task<NoContent> (Guid id, Caller caller, RevokeConsentHandler revoke, CancellationToken ct) =>
        {
            await revoke.HandleAsync(caller, id, ct);
            return TypedResults.NoContent();
        });
        group.MapGet("/reviews", async Task<Ok<ItemList<ReviewView>>> (Guid? caseId, Caller caller, ListReviewsHandler reviews, CancellationToken ct) =>
            TypedResults.Ok(new ItemList<ReviewView>(await reviews.HandleAsync(caller, caseId, ct))));
        group.MapPost("/reviews/{id:long}/comments", async Task<NoContent> (
            long id, [FromBody] CommentRequest? input, Caller caller, CommentHandler comment, CancellationToken ct) =>
        {
            await comment.HandleAsync(caller, id, input ?? throw Missing(), ct);
            return TypedResults.NoContent();
        });
        group.MapPost("/reviews/{id:long}/completion", async Task<NoContent> (
            long id, [FromBody] CompleteReviewRequest? input, Caller caller, CompleteReviewHandler complete, CancellationToken ct) =>
        {
            await complete.HandleAsync(caller, id, input, ct);
            return TypedResults.NoContent();
        });
        group.MapPost("/reviews/{id:long}/waiver", async Task<NoContent> (long id, Caller caller, WaiveReviewHandler waive, CancellationToken ct) =>
        {
            await waive.HandleAsync(caller, id, ct);
            return TypedResults.NoContent();
        });
    }

    private static RequestValidationException Missing() => new("body", "Send the request as a JSON object.");
}
