using IcsComplaints.AdvocacyReferral.Api.Data;
using IcsComplaints.AdvocacyReferral.Domain.Referrals;
using IcsComplaints.Calendar;
using IcsComplaints.Platform.Security;

namespace IcsComplaints.AdvocacyReferral.Api.Features.GetActiveGrant;

/// <summary>What a grant lets its advocate do today.</summary>
/// <param name="Grant">The grant.</param>
/// <param name="ReviewDrafts">May see and comment on drafts: only while the grant is in force, never after closure.</param>
/// <param name="AccessEndsOn">The last day of access, when planned.</param>
public sealed record GrantAccess(ConsentGrant Grant, bool ReviewDrafts, DateOnly? AccessEndsOn);

/// <summary>The consent check the case service makes, with the advocate's own token, at each view of a case or draft.</summary>
public sealed class GetActiveGrantHandler(ReferralQueries queries, TimeProvider time)
{
    /// <summary>
    /// The grant that lets the caller's advocacy service into the case today (in force, or reading the closed case
    /// until its planned end); <c>null</c> for anyone but an advocate, or without one.
    /// </summary>
    public async Task<GrantAccess?> HandleAsync(Caller caller, Guid caseId, CancellationToken ct)
    {
        if (!caller.Has(Roles.Advocate) || caller.OrganisationCode is not { } service)
        {
            return null;
        }
        var grant = await queries.GrantInForceAsync(caseId, service, LondonTime.Today(time), ct);
        return grant is null ? null : new GrantAccess(grant, grant.IsActive && grant.ReviewDrafts, grant.AccessEndsOn);
    }

    /// <summary>
    /// The caller's service's grant on the case whose access ended, and the day it did, when none lets it in; <c>null</c>
    /// for anyone but an advocate, or for a service that never had one (so a case the advocate never had stays unknown to them).
    /// </summary>
    public async Task<(ConsentGrant Grant, DateOnly EndedOn)?> EndedAsync(Caller caller, Guid caseId, CancellationToken ct) =>
        caller.Has(Roles.Advocate) && caller.OrganisationCode is { } service
            ? await queries.LatestEndedGrantAsync(caseId, service, LondonTime.Today(time), ct)
            : null;
}
