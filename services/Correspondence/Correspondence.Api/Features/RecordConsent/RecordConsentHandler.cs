using IcsComplaints.Correspondence.Api.Data;
using IcsComplaints.Correspondence.Domain.Consents;

namespace IcsComplaints.Correspondence.Api.Features.RecordConsent;

/// <summary>
/// Keeps each advocacy consent grant as the advocacy-referral service announces it, so that what is written to an
/// advocate follows what the complainant allowed (<see cref="Domain.Rules.AdvocateNotices"/>). Either event may
/// arrive first; each is recorded once however often it comes.
/// </summary>
public sealed class RecordConsentHandler(ConsentStore consents)
{
    /// <summary>Consent given, with its scope.</summary>
    public async Task GrantedAsync(Guid grantId, Guid caseId, string advocacyServiceCode, bool viewCase, bool reviewDrafts, DateOnly grantedOn, CancellationToken ct)
    {
        if (await consents.FindAsync(grantId, ct) is { } known)
        {
            known.Give(viewCase, reviewDrafts, grantedOn);
            return;
        }
        consents.Add(AdvocacyConsent.Given(grantId, caseId, advocacyServiceCode, viewCase, reviewDrafts, grantedOn));
    }

    /// <summary>Consent ended: revoked, the case closed, or the referral declined.</summary>
    public async Task EndedAsync(Guid grantId, Guid caseId, string advocacyServiceCode, DateOnly endedOn, string reason, CancellationToken ct)
    {
        if (await consents.FindAsync(grantId, ct) is { } known)
        {
            known.End(endedOn, reason);
            return;
        }
        consents.Add(AdvocacyConsent.EndedBeforeGiven(grantId, caseId, advocacyServiceCode, endedOn, reason));
    }
}
