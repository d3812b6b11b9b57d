using IcsComplaints.AdvocacyReferral.Api.Data;
using IcsComplaints.AdvocacyReferral.Contracts.Events;
using IcsComplaints.AdvocacyReferral.Domain.Referrals;
using IcsComplaints.Calendar;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.Platform.Audit;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.AdvocacyReferral.Api.Features.DeclineReferral;

/// <summary>Decline a referral.</summary>
/// <param name="Reason">Why (kept here, not published).</param>
public sealed record DeclineReferralRequest(string? Reason);

/// <summary>The advocacy service named declines a referral; the consent that came with it ends.</summary>
public sealed class DeclineReferralHandler(ReferralStore referrals, IOutbox outbox, IAuditTrail audit, TimeProvider time)
{
    /// <summary>Declines, when the referral still waits.</summary>
    public async Task HandleAsync(Caller caller, Guid referralId, DeclineReferralRequest input, CancellationToken ct)
    {
        var referral = await referrals.FindAsync(referralId, ct);
        if (referral is null || !AdvocacyAccess.IsAdvocateOf(caller, referral.AdvocacyServiceCode))
        {
            throw new RequestNotFoundException();
        }
        var grant = await referrals.GrantOfAsync(referral, ct);
        var reader = new FieldReader();
        var reason = reader.Text(input.Reason, "reason", 2_000, "Say why the referral is declined.");
        reader.ThrowIfAny();
        var today = LondonTime.Today(time);
        referral.Decline(reason!, today);
        outbox.Announce(grant.End(today, ConsentEndReason.ReferralDeclined, caller.SubjectId, [referral]));
        outbox.Publish(new ReferralDeclined { ReferralId = referral.Id, CaseId = referral.CaseId, AdvocacyServiceCode = referral.AdvocacyServiceCode, DeclinedOn = today });
        audit.Record(AuditAction.Update, AdvocacyResources.Referral, referral.Id.ToString(), referral.AdvocacyServiceCode);
        await referrals.SaveAsync(ct);
    }
}
