using IcsComplaints.AdvocacyReferral.Api.Data;
using IcsComplaints.AdvocacyReferral.Contracts.Events;
using IcsComplaints.AdvocacyReferral.Domain.Directory;
using IcsComplaints.AdvocacyReferral.Domain.Referrals;
using IcsComplaints.AdvocacyReferral.Domain.Rules;
using IcsComplaints.Calendar;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.Platform.Audit;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.AdvocacyReferral.Api.Features.RequestReferral;

/// <summary>Consent to the referral.</summary>
/// <param name="ViewCase">May see the case's progress (default true).</param>
/// <param name="ReviewDrafts">May see and comment on drafts before they are final.</param>
/// <param name="Evidence">Written, Verbal or Electronic (a signed-in complainant's own request is Electronic).</param>
/// <param name="GrantedOn">When given; today by default.</param>
public sealed record ConsentRequest(bool? ViewCase, bool? ReviewDrafts, string? Evidence, string? GrantedOn);

/// <summary>Refer a case.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="AdvocacyServiceCode">The service, or leave empty and give a postcode or local authority.</param>
/// <param name="Postcode">The complainant's postcode, to find their area's service.</param>
/// <param name="LocalAuthorityCode">Or their local authority.</param>
/// <param name="Consent">The complainant's consent.</param>
public sealed record RequestReferralRequest(Guid? CaseId, string? AdvocacyServiceCode, string? Postcode, string? LocalAuthorityCode, ConsentRequest? Consent);

/// <summary>Refers a case to an advocacy service with the complainant's consent: asked by the complaints team or the complainant.</summary>
public sealed class RequestReferralHandler(
    CaseStore cases, ReferralStore referrals, AdvocacyDirectoryQueries directory, IOutbox outbox, IAuditTrail audit, TimeProvider time)
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
        var serviceCode = await ServiceCodeAsync(input, reader, ct);
        reader.ThrowIfAny();
        if (await referrals.HasGrantInForceAsync(caseId, serviceCode!, ct))
        {
            throw new RequestStateException("This case is already referred to that service with consent in force.");
        }
        var (viewCase, reviewDrafts) = ConsentScope.Agreed(consent!.ViewCase, consent.ReviewDrafts);
        var grant = ConsentGrant.Give(Guid.CreateVersion7(time.GetUtcNow()), caseId, serviceCode!, viewCase, reviewDrafts, evidence!.Value, grantedOn, caller.SubjectId);
        var referral = Referral.Request(
            Guid.CreateVersion7(time.GetUtcNow()), grant, asComplainant ? ReferralRequester.Complainant : ReferralRequester.Handler, caller.SubjectId, today);
        referrals.Add(grant, referral);
        outbox.Publish(new ConsentGranted
        {
            GrantId = grant.Id, CaseId = caseId, AdvocacyServiceCode = grant.AdvocacyServiceCode, ViewCase = grant.ViewCase, ReviewDrafts = grant.ReviewDrafts, GrantedOn = grantedOn,
        });
        outbox.Publish(new ReferralRequested
        {
            ReferralId = referral.Id, CaseId = caseId, OrganisationCode = c.OrganisationCode, AdvocacyServiceCode = referral.AdvocacyServiceCode,
            RequestedOn = referral.RequestedOn, RequestedBy = referral.RequestedBy,
        });
        audit.Record(AuditAction.Create, AdvocacyResources.Referral, referral.Id.ToString(), c.OrganisationCode);
        await referrals.SaveAsync(ct);
        return referral.Id;
    }

    // The service named, or the one for the complainant's area.
    private async Task<string?> ServiceCodeAsync(RequestReferralRequest input, FieldReader reader, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(input.AdvocacyServiceCode))
        {
            var named = DirectoryCode.Canonical(input.AdvocacyServiceCode) is { } code ? await directory.FindAsync(code, ct) : null;
            if (named is null)
            {
                reader.Add("advocacyServiceCode", "No advocacy service has this code.");
            }
            return named?.Code;
        }
        if (string.IsNullOrWhiteSpace(input.Postcode) && string.IsNullOrWhiteSpace(input.LocalAuthorityCode))
        {
            reader.Add("advocacyServiceCode", "Give the advocacy service's code, or the complainant's postcode or local authority to find it.");
            return null;
        }
        if (AdvocacyAreaLookup.Area(input.Postcode, input.LocalAuthorityCode) is not { } area)
        {
            reader.Add("postcode", AdvocacyAreaLookup.NoArea);
            return null;
        }
        var found = AdvocacyAreaLookup.Choose(await directory.CoveringAsync(area, ct), area);
        if (found is null)
        {
            reader.Add("postcode", "No advocacy service is known for this area: give the service's code.");
        }
        return found?.Code;
    }
}
