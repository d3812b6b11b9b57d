using System.Globalization;
using Grpc.Core;
using IcsComplaints.AdvocacyReferral.Api.Features.GetActiveGrant;
using IcsComplaints.AdvocacyReferral.Api.Features.ListDraftReviewers;
using IcsComplaints.AdvocacyReferral.Contracts.Grpc.V1;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.AdvocacyReferral.Api.Grpc;

/// <summary>The consent checks the case service makes: the advocate's grant at each view, and who must review a draft.</summary>
public sealed class ConsentGrpcService(GetActiveGrantHandler activeGrant, ListDraftReviewersHandler draftReviewers) : ConsentService.ConsentServiceBase
{
    /// <inheritdoc />
    public override async Task<ActiveGrant> GetActiveGrant(GetActiveGrantRequest request, ServerCallContext context)
    {
        var access = await activeGrant.HandleAsync(Caller.From(context.GetHttpContext().User), CaseId(request.CaseId), context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, "No consent in force for your service on this case."));
        var grant = access.Grant;
        return new ActiveGrant
        {
            GrantId = grant.Id.ToString(), AdvocacyServiceCode = grant.AdvocacyServiceCode, ViewCase = grant.ViewCase, ReviewDrafts = access.ReviewDrafts,
            GrantedOn = grant.GrantedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            AccessEndsOn = access.AccessEndsOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
        };
    }

    /// <inheritdoc />
    public override async Task<EndedGrant> GetEndedGrant(GetActiveGrantRequest request, ServerCallContext context)
    {
        var (grant, endedOn) = await activeGrant.EndedAsync(Caller.From(context.GetHttpContext().User), CaseId(request.CaseId), context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, "No ended consent for your service on this case."));
        return new EndedGrant { EndedOn = endedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), EndReason = grant.EndReason ?? "" };
    }

    /// <inheritdoc />
    public override async Task<DraftReviewers> ListDraftReviewers(ListDraftReviewersRequest request, ServerCallContext context)
    {
        var codes = await draftReviewers.HandleAsync(Caller.From(context.GetHttpContext().User), CaseId(request.CaseId), context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, "No such case for your organisation."));
        var reviewers = new DraftReviewers();
        reviewers.AdvocacyServiceCodes.AddRange(codes);
        return reviewers;
    }

    private static Guid CaseId(string text) =>
        Guid.TryParse(text, out var caseId) ? caseId : throw new RequestValidationException("caseId", "Give the case id as a UUID.");
}
