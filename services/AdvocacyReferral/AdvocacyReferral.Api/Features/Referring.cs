using IcsComplaints.AdvocacyReferral.Api.Data;
using IcsComplaints.AdvocacyReferral.Contracts.Events;
using IcsComplaints.AdvocacyReferral.Domain.Cases;
using IcsComplaints.AdvocacyReferral.Domain.Directory;
using IcsComplaints.AdvocacyReferral.Domain.Referrals;
using IcsComplaints.AdvocacyReferral.Domain.Rules;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.Platform.Audit;
using IcsComplaints.Validation;
using Microsoft.Extensions.Options;

namespace IcsComplaints.AdvocacyReferral.Api.Features;

/// <summary>Who asked for a referral, and with what consent.</summary>
/// <param name="RequestedBy">A <see cref="ReferralRequester"/>.</param>
/// <param name="Subject">The token subject who asked, or how the complainant proved who they were.</param>
/// <param name="Evidence">How the consent was evidenced.</param>
/// <param name="GrantedOn">When it was given.</param>
/// <param name="ViewCase">May see the case's progress.</param>
/// <param name="ReviewDrafts">May see and comment on drafts.</param>
/// <param name="AccessEndsOn">The planned end the complainant gave, or <c>null</c> for the configured period after closure.</param>
public sealed record ReferralConsent(
    string RequestedBy, string Subject, ConsentEvidence Evidence, DateOnly GrantedOn, bool ViewCase, bool ReviewDrafts, DateOnly? AccessEndsOn = null);

/// <summary>
/// The same steps for every referral, whoever asks (the complaints team, the signed-in complainant, the complainant
/// with their reference and secret): the service chosen or found for the area, and the grant and referral kept
/// and announced in the caller's unit of work.
/// </summary>
public sealed class Referring(
    ReferralStore referrals, AdvocacyDirectoryQueries directory, IOutbox outbox, IAuditTrail audit, TimeProvider time, IOptions<ConsentOptions> options)
{
    /// <summary>
    /// The code of the service named, or else of the one for the postcode or local authority given, or else for the
    /// district already known of the complainant's postcode; field errors go to <paramref name="reader"/>.
    /// </summary>
    public async Task<string?> ServiceCodeAsync(
        string? named, string? postcode, string? localAuthorityCode, string? knownDistrict, FieldReader reader, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(named))
        {
            var found = DirectoryCode.Canonical(named) is { } code ? await directory.FindAsync(code, ct) : null;
            if (found is null)
            {
                reader.Add("advocacyServiceCode", "No advocacy service has this code.");
            }
            return found?.Code;
        }
        AdvocacyArea? area;
        if (!string.IsNullOrWhiteSpace(postcode) || !string.IsNullOrWhiteSpace(localAuthorityCode))
        {
            area = AdvocacyAreaLookup.Area(postcode, localAuthorityCode);
            if (area is null)
            {
                reader.Add("postcode", AdvocacyAreaLookup.NoArea);
                return null;
            }
        }
        else if (!string.IsNullOrEmpty(knownDistrict))
        {
            area = new AdvocacyArea(knownDistrict, null);
        }
        else
        {
            reader.Add("advocacyServiceCode", "Give the advocacy service's code, or the complainant's postcode or local authority to find it.");
            return null;
        }
        var chosen = AdvocacyAreaLookup.Choose(await directory.CoveringAsync(area, ct), area);
        if (chosen is null)
        {
            reader.Add("postcode", "No advocacy service is known for this area: give the service's code.");
        }
        return chosen?.Code;
    }

    /// <summary>Records the grant and the referral it comes with, announces both and audits the referral; the caller saves.</summary>
    public Referral Refer(CaseReference c, string serviceCode, ReferralConsent consent, DateOnly requestedOn)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(consent);
        var grant = ConsentGrant.Give(
            Guid.CreateVersion7(time.GetUtcNow()), c.CaseId, serviceCode, consent.ViewCase, consent.ReviewDrafts, consent.Evidence, consent.GrantedOn, consent.Subject)
            .Lasting(consent.AccessEndsOn, options.Value.DaysAfterClosure);
        var referral = Referral.Request(Guid.CreateVersion7(time.GetUtcNow()), grant, consent.RequestedBy, consent.Subject, requestedOn);
        referrals.Add(grant, referral);
        outbox.Publish(new ConsentGranted
        {
            GrantId = grant.Id, CaseId = c.CaseId, AdvocacyServiceCode = grant.AdvocacyServiceCode, ViewCase = grant.ViewCase, ReviewDrafts = grant.ReviewDrafts,
            GrantedOn = grant.GrantedOn,
        });
        outbox.Publish(new ReferralRequested
        {
            ReferralId = referral.Id, CaseId = c.CaseId, OrganisationCode = c.OrganisationCode, AdvocacyServiceCode = referral.AdvocacyServiceCode,
            RequestedOn = referral.RequestedOn, RequestedBy = referral.RequestedBy,
        });
        audit.Record(AuditAction.Create, AdvocacyResources.Referral, referral.Id.ToString(), c.OrganisationCode);
        return referral;
    }
}
