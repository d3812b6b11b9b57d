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

    /// <summary>
    /// The caller's service's grant on the case that ended, when none is in force; <c>null</c> for anyone but an
    /// advocate, or for a service that never had one (so a case the advocate never had stays unknown to them).
    /// </summary>
    public async Task<ConsentGrant?> EndedAsync(Caller caller, Guid caseId, CancellationToken ct) =>
        caller.Has(Roles.Advocate) && caller.OrganisationCode is { } service ? await queries.LatestEndedGrantAsync(caseId, service, ct) : null;
}
