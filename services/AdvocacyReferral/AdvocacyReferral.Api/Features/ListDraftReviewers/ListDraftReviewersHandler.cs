using IcsComplaints.AdvocacyReferral.Api.Data;
using IcsComplaints.Platform.Security;

namespace IcsComplaints.AdvocacyReferral.Api.Features.ListDraftReviewers;

/// <summary>
/// The advocacy services that must review a case's drafts before the final response goes (an accepted referral and
/// consent in force to review drafts), asked by the case service with the handler's token.
/// </summary>
public sealed class ListDraftReviewersHandler(CaseStore cases, ReferralQueries queries)
{
    /// <summary>The services' codes, for staff of the organisation handling the case; <c>null</c> for anyone else.</summary>
    public async Task<IReadOnlyList<string>?> HandleAsync(Caller caller, Guid caseId, CancellationToken ct)
    {
        var c = await cases.ReadAsync(caseId, ct);
        return c is null || !caller.ActsFor(c.OrganisationCode, AdvocacyAccess.Readers) ? null : await queries.DraftReviewersAsync(caseId, ct);
    }
}
