using IcsComplaints.AdvocacyReferral.Api.Data;
using IcsComplaints.AdvocacyReferral.Domain.Referrals;
using IcsComplaints.AdvocacyReferral.Domain.Rules;
using IcsComplaints.Calendar;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.AdvocacyReferral.Api.Features.RequestReferral;

/// <summary>Consent to the referral.</summary>
/// <param name="ViewCase">May see the case's progress (default true).</param>
/// <param name="ReviewDrafts">May see and comment on drafts before they are final.</param>
/// <param name="Evidence">Written, Verbal or Electronic (a signed-in complainant's own request is Electronic).</param>
/// <param name="GrantedOn">When given; today by default.</param>
/// <param name="AccessEndsOn">
/// The last day of the advocate's access, when the complainant gave one (not in the past); by default access lasts
/// for the configured period after the case closes.
/// </param>
public sealed record ConsentRequest(bool? ViewCase, bool? ReviewDrafts, string? Evidence, string? GrantedOn, string? AccessEndsOn = null);

/// <summary>Refer a case.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="AdvocacyServiceCode">The service, or leave empty and give a postcode or local authority.</param>
/// <param name="Postcode">The complainant's postcode, to find their area's service.</param>
/// <param name="LocalAuthorityCode">Or their local authority.</param>
/// <param name="Consent">The complainant's consent.</param>
public sealed record RequestReferralRequest(Guid? CaseId, string? AdvocacyServiceCode, string? Postcode, string? LocalAuthorityCode, ConsentRequest? Consent);

/// <summary>Refers a case to an advocacy service with the complainant's consent: asked by the complaints team or the complainant.</summary>
public sealed class RequestReferralHandler(CaseStore cases, ReferralStore referrals, Referring referring, TimeProvider time)
{
    /// <summary>Records the grant and the referral; returns the referral's id.</summary>
    public async Task<Guid> HandleAsync(Caller caller, RequestReferralRequest input, CancellationToken ct)
    {
        if (input.CaseId is not { } caseId)
        {
            throw new RequestValidationException("caseId", "Give the case to refer.");
        }
        var c = await cases.FindAsync(caseId, ct);
        var asComplainant = c is not null && AdvocacyAccess.IsComplainant(caller, c);
        if (c is null || !(asComplainant || caller.ActsFor(c.OrganisationCode, AdvocacyAccess.Readers)))
        {
            throw new RequestNotFoundException();
        }
        if (!asComplainant && !caller.ActsFor(c.OrganisationCode, AdvocacyAccess.Handlers))
        {
            throw new RequestForbiddenException("The complaints team or the complainant refers a complaint to advocacy.");
        }
        if (!c.IsOpen)
        {
            throw new RequestStateException("The case is closed.");
        }
        var today = LondonTime.Today(time);
        var reader = new FieldReader();
        var consent = input.Consent;
        if (consent is null)
        {
            reader.Add("consent", "Record the complainant's consent: an advocacy service sees a case only with it.");
        }
        var evidence = reader.Enum<ConsentEvidence>(
            consent?.Evidence, "consent.evidence", asComplainant ? null : "Record how the complainant consented: Written, Verbal or Electronic.")
            ?? ConsentScope.EvidenceUnlessSaid(asComplainant);
        var grantedOn = reader.DateInCalendar(consent?.GrantedOn, "consent.grantedOn", today) ?? today;
        var accessEndsOn = reader.DateInCalendar(consent?.AccessEndsOn, "consent.accessEndsOn", today, allowFuture: true);
        if (accessEndsOn is { } end && ConsentPlannedEnd.Problem(end, today) is { } problem)
        {
            reader.Add("consent.accessEndsOn", problem);
        }
        var serviceCode = await referring.ServiceCodeAsync(input.AdvocacyServiceCode, input.Postcode, input.LocalAuthorityCode, null, reader, ct);
        reader.ThrowIfAny();
        if (await referrals.HasGrantInForceAsync(caseId, serviceCode!, ct))
        {
            throw new RequestStateException("This case is already referred to that service with consent in force.");
        }
        var (viewCase, reviewDrafts) = ConsentScope.Agreed(consent!.ViewCase, consent.ReviewDrafts);
        var requester = asComplainant ? ReferralRequester.Complainant : ReferralRequester.Handler;
        var referral = referring.Refer(c, serviceCode!, new ReferralConsent(requester, caller.SubjectId, evidence!.Value, grantedOn, viewCase, reviewDrafts, accessEndsOn), today);
        await referrals.SaveAsync(ct);
        return referral.Id;
    }
}
