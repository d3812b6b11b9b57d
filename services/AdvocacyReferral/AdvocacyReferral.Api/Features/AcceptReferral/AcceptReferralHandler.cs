using IcsComplaints.AdvocacyReferral.Api.Data;
using IcsComplaints.AdvocacyReferral.Contracts.Events;
using IcsComplaints.Calendar;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.Platform.Audit;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.AdvocacyReferral.Api.Features.AcceptReferral;

/// <summary>Accept a referral.</summary>
/// <param name="AdvocateName">The advocate assigned.</param>
/// <param name="AdvocateSubjectId">Their sign-in subject, or "me" (default).</param>
public sealed record AcceptReferralRequest(string? AdvocateName, string? AdvocateSubjectId);

/// <summary>The advocacy service named accepts a referral and assigns an advocate.</summary>
public sealed class AcceptReferralHandler(ReferralStore referrals, IOutbox outbox, IAuditTrail audit, TimeProvider time)
{
    /// <summary>Accepts, when the referral still waits and its consent is in force.</summary>
    public async Task HandleAsync(Caller caller, Guid referralId, AcceptReferralRequest input, CancellationToken ct)
    {
        var referral = await referrals.FindAsync(referralId, ct);
        if (referral is null || !AdvocacyAccess.IsAdvocateOf(caller, referral.AdvocacyServiceCode))
        {
            throw new RequestNotFoundException();
        }
        var grant = await referrals.GrantOfAsync(referral, ct);
        var reader = new FieldReader();
        var name = reader.Line(input.AdvocateName, "advocateName", 200, "Name the advocate assigned.");
        var subject = reader.Line(input.AdvocateSubjectId, "advocateSubjectId", 200);
        reader.ThrowIfAny();
        var today = LondonTime.Today(time);
        referral.Accept(grant, name!, subject is null or "me" ? caller.SubjectId : subject, today);
        outbox.Publish(new ReferralAccepted
        {
            ReferralId = referral.Id, CaseId = referral.CaseId, AdvocacyServiceCode = referral.AdvocacyServiceCode, AcceptedOn = today, ReviewDrafts = grant.ReviewDrafts,
        });
        audit.Record(AuditAction.Update, AdvocacyResources.Referral, referral.Id.ToString(), referral.AdvocacyServiceCode);
        await referrals.SaveAsync(ct);
    }
}
