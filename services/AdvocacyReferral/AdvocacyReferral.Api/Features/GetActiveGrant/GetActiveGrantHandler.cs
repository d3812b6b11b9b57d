using IcsComplaints.AdvocacyReferral.Api.Data;
using IcsComplaints.AdvocacyReferral.Domain.Referrals;
using IcsComplaints.Platform.Security;

namespace IcsComplaints.AdvocacyReferral.Api.Features.GetActiveGrant;

/// <summary>The consent check the case service makes, with the advocate's own token, at each view of a case or draft.</summary>
public sealed class GetActiveGrantHandler(ReferralQueries queries)
{
    /// <summary>The grant in force on the case for the caller's advocacy service; <c>null</c> for anyone but an advocate, or without one.</summary>
    public async Task<ConsentGrant?> HandleAsync(Caller caller, Guid caseId, CancellationToken ct) =>
        caller.Has(Roles.Advocate) && caller.OrganisationCode is { } service ? await queries.GrantInForceAsync(caseId, service, ct) : null;
}
