using Grpc.Core;
using IcsComplaints.AdvocacyReferral.Api.Directory;
using IcsComplaints.AdvocacyReferral.Api.Referrals;
using IcsComplaints.AdvocacyReferral.Api.Reviews;
using IcsComplaints.AdvocacyReferral.Contracts.Grpc.V1;
using IcsComplaints.ServiceDefaults;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace IcsComplaints.AdvocacyReferral.Api;

/// <summary>The REST API: the public directory (<c>/api/v1/advocacy-services</c>), referrals, consent and reviews (<c>/api/v1/advocacy</c>).</summary>
public static class AdvocacyApi
{
    /// <summary>Maps the endpoints.</summary>
    public static void MapAdvocacyEndpoints(this IEndpointRouteBuilder app)
    {
        var directory = app.MapGroup("/api/v1/advocacy-services").WithTags("Advocacy").AllowAnonymous();
        directory.MapGet("", async Task<Results<Ok<ItemList<AdvocacyServiceView>>, Ok<AdvocacyServiceView>, NotFound>> (
            string? postcode, string? localAuthority, AdvocacyDirectory services, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(postcode) && string.IsNullOrWhiteSpace(localAuthority))
            {
                return TypedResults.Ok(new ItemList<AdvocacyServiceView>(await services.ListAsync(ct)));
            }
            return await services.FindAsync(postcode, localAuthority, ct) is { } found ? TypedResults.Ok(found) : TypedResults.NotFound();
        });
        directory.MapGet("/{code}", async Task<Results<Ok<AdvocacyServiceView>, NotFound>> (string code, AdvocacyDirectory services, CancellationToken ct) =>
            await services.GetAsync(code, ct) is { } found ? TypedResults.Ok(found) : TypedResults.NotFound());

        var group = app.MapGroup("/api/v1/advocacy").WithTags("Advocacy");
        group.MapGet("/referrals", async Task<Ok<ItemList<ReferralView>>> (Guid? caseId, Caller caller, ReferralQueries queries, CancellationToken ct) =>
            TypedResults.Ok(new ItemList<ReferralView>(await queries.ListAsync(caller, caseId, ct))));
        group.MapPost("/referrals", async Task<Created<ItemList<ReferralView>>> (
            [FromBody] ReferralRequests.Create? input, Caller caller, ReferralActions actions, ReferralQueries queries, CancellationToken ct) =>
        {
            var id = await actions.CreateAsync(caller, input ?? throw Missing(), ct);
            var created = (await queries.ListAsync(caller, input.CaseId, ct)).Where(r => r.Id == id).ToList();
            return TypedResults.Created($"/api/v1/advocacy/referrals?caseId={input.CaseId}", new ItemList<ReferralView>(created));
        });
        group.MapPost("/referrals/{id:guid}/acceptance", async Task<NoContent> (
            Guid id, [FromBody] ReferralRequests.Accept? input, Caller caller, ReferralActions actions, CancellationToken ct) =>
        {
            await actions.AcceptAsync(caller, id, input ?? throw Missing(), ct);
            return TypedResults.NoContent();
        });
        group.MapPost("/referrals/{id:guid}/decline", async Task<NoContent> (
            Guid id, [FromBody] ReferralRequests.Decline? input, Caller caller, ReferralActions actions, CancellationToken ct) =>
        {
            await actions.DeclineAsync(caller, id, input ?? throw Missing(), ct);
            return TypedResults.NoContent();
        });
        group.MapPost("/grants/{id:guid}/revocation", async Task<NoContent> (Guid id, Caller caller, ReferralActions actions, CancellationToken ct) =>
        {
            await actions.RevokeAsync(caller, id, ct);
            return TypedResults.NoContent();
        });
        group.MapGet("/reviews", async Task<Ok<ItemList<ReviewView>>> (Guid? caseId, Caller caller, ReviewQueries queries, CancellationToken ct) =>
            TypedResults.Ok(new ItemList<ReviewView>(await queries.ListAsync(caller, caseId, ct))));
        group.MapPost("/reviews/{id:long}/comments", async Task<NoContent> (
            long id, [FromBody] CommentRequest? input, Caller caller, ReviewActions actions, CancellationToken ct) =>
        {
            await actions.CommentAsync(caller, id, input ?? throw Missing(), ct);
            return TypedResults.NoContent();
        });
        group.MapPost("/reviews/{id:long}/completion", async Task<NoContent> (long id, Caller caller, ReviewActions actions, CancellationToken ct) =>
        {
            await actions.CompleteAsync(caller, id, ct);
            return TypedResults.NoContent();
        });
        group.MapPost("/reviews/{id:long}/waiver", async Task<NoContent> (long id, Caller caller, ReviewActions actions, CancellationToken ct) =>
        {
            await actions.WaiveAsync(caller, id, ct);
            return TypedResults.NoContent();
        });
    }

    private static RequestValidationException Missing() => new("body", "Send the request as a JSON object.");
}

/// <summary>The directory over gRPC, public like its REST twin.</summary>
[AllowAnonymous]
public sealed class AdvocacyDirectoryGrpcService(AdvocacyDirectory directory) : AdvocacyDirectoryService.AdvocacyDirectoryServiceBase
{
    /// <inheritdoc />
    public override async Task<AdvocacyServiceInfo> FindAdvocacyService(FindAdvocacyServiceRequest request, ServerCallContext context)
    {
        var found = await directory.FindAsync(
            string.IsNullOrWhiteSpace(request.Postcode) ? null : request.Postcode,
            string.IsNullOrWhiteSpace(request.LocalAuthorityCode) ? null : request.LocalAuthorityCode,
            context.CancellationToken) ?? throw new RpcException(new Status(StatusCode.NotFound, "No advocacy service is known for this area."));
        var info = new AdvocacyServiceInfo
        {
            Code = found.Code, Name = found.Name, Phone = found.Phone, Email = found.Email, Website = found.Website, Address = found.Address,
        };
        info.LocalAuthorityCodes.AddRange(found.LocalAuthorityCodes);
        return info;
    }
}

/// <summary>The consent check the case service makes, with the advocate's own token, at each view.</summary>
public sealed class ConsentGrpcService(ReferralQueries queries) : ConsentService.ConsentServiceBase
{
    /// <inheritdoc />
    public override async Task<ActiveGrant> GetActiveGrant(GetActiveGrantRequest request, ServerCallContext context)
    {
        if (!Guid.TryParse(request.CaseId, out var caseId))
        {
            throw new RequestValidationException("caseId", "Give the case id as a UUID.");
        }
        var grant = await queries.ActiveGrantAsync(Caller.From(context.GetHttpContext().User), caseId, context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, "No consent in force for your service on this case."));
        return new ActiveGrant
        {
            GrantId = grant.Id.ToString(), AdvocacyServiceCode = grant.AdvocacyServiceCode, ViewCase = grant.ViewCase, ReviewDrafts = grant.ReviewDrafts,
            GrantedOn = grant.GrantedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    /// <inheritdoc />
    public override async Task<DraftReviewers> ListDraftReviewers(ListDraftReviewersRequest request, ServerCallContext context)
    {
        if (!Guid.TryParse(request.CaseId, out var caseId))
        {
            throw new RequestValidationException("caseId", "Give the case id as a UUID.");
        }
        var codes = await queries.DraftReviewersAsync(Caller.From(context.GetHttpContext().User), caseId, context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, "No such case for your organisation."));
        var reviewers = new DraftReviewers();
        reviewers.AdvocacyServiceCodes.AddRange(codes);
        return reviewers;
    }
}
