using IcsComplaints.AdvocacyReferral.Api.Data;
using IcsComplaints.AdvocacyReferral.Domain.Referrals;
using IcsComplaints.Calendar;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.Platform.Audit;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.AdvocacyReferral.Api.Features.RevokeConsent;

/// <summary>Revokes consent at once: the complainant, or the complaints team recording the complainant's wish.</summary>
public sealed class RevokeConsentHandler(CaseStore cases, ReferralStore referrals, IOutbox outbox, IAuditTrail audit, TimeProvider time)
{
    /// <summary>
    /// Ends the grant and the referrals it came with; after the case has closed, ends the advocate's reading of it
    /// (the grant itself ended at closure, announced then).
    /// </summary>
    public async Task HandleAsync(Caller caller, Guid grantId, CancellationToken ct)
    {
        var grant = await referrals.FindGrantAsync(grantId, ct);
        var c = grant is null ? null : await cases.FindAsync(grant.CaseId, ct);
        if (grant is null || c is null || !(AdvocacyAccess.IsComplainant(caller, c) || caller.ActsFor(c.OrganisationCode, AdvocacyAccess.Readers)))
        {
            throw new RequestNotFoundException();
        }
        if (!AdvocacyAccess.IsComplainant(caller, c) && !caller.ActsFor(c.OrganisationCode, AdvocacyAccess.Handlers))
        {
            throw new RequestForbiddenException("The complainant or the complaints team revokes consent.");
        }
        var today = LondonTime.Today(time);
        if (grant.RevokeReadingAfterClosure(today, caller.SubjectId))
        {
            audit.Record(AuditAction.Update, AdvocacyResources.Grant, grant.Id.ToString(), c.OrganisationCode);
            await referrals.SaveAsync(ct);
            return;
        }
        if (!grant.IsActive)
        {
            throw new RequestStateException($"The consent ended on {grant.EndedOn:yyyy-MM-dd} ({grant.EndReason}).");
        }
        var referralsOfGrant = await referrals.ReferralsOfGrantAsync(grant.Id, ct);
        outbox.Announce(grant.End(today, ConsentEndReason.Revoked, caller.SubjectId, referralsOfGrant));
        audit.Record(AuditAction.Update, AdvocacyResources.Grant, grant.Id.ToString(), c.OrganisationCode);
        await referrals.SaveAsync(ct);
    }
}
