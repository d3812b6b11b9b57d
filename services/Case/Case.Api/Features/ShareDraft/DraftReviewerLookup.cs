using Grpc.Core;
using IcsComplaints.AdvocacyReferral.Contracts.Grpc.V1;

namespace IcsComplaints.Case.Api.Features.ShareDraft;

/// <summary>
/// Asks the advocacy-referral service, with the current user's token, which advocacy services must review a case's
/// drafts. Asked when a draft is saved and before the response is sent, so a referral accepted a moment ago is never
/// missed; if the service cannot answer, neither step goes ahead.
/// </summary>
public sealed class DraftReviewerLookup(ConsentService.ConsentServiceClient consents, IHttpContextAccessor http)
{
    /// <summary>Codes of the advocacy services.</summary>
    public async Task<IReadOnlyList<string>> ForAsync(Guid caseId, CancellationToken ct)
    {
        var authorization = http.HttpContext?.Request.Headers.Authorization.ToString() ?? "";
        try
        {
            var reviewers = await consents.ListDraftReviewersAsync(
                new ListDraftReviewersRequest { CaseId = caseId.ToString() }, new Metadata { { "authorization", authorization } },
                DateTime.UtcNow.AddSeconds(5), ct);
            return [.. reviewers.AdvocacyServiceCodes];
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            // The advocacy-referral service has not yet heard of the case: nobody has been referred.
            return [];
        }
    }
}
