namespace IcsComplaints.Correspondence.Domain.Consents;

/// <summary>
/// The complainant's consent for one advocacy service on one case, as the advocacy-referral service announced it
/// (<c>ConsentGranted</c>, <c>ConsentRevoked</c>): its scope and when it began and ended, so that the service writes
/// to an advocate only what the complainant allowed them to know. Codes and dates only, nothing about the person.
/// </summary>
public sealed class AdvocacyConsent
{
    /// <summary>The complainant withdrew consent (or the complaints team recorded that they did).</summary>
    public const string Revoked = "Revoked";

    /// <summary>The case closed; the advocate may still read its final response for a while (the advocacy service's planned end).</summary>
    public const string CaseClosed = "CaseClosed";

    /// <summary>The advocacy service declined the referral the consent came with.</summary>
    public const string ReferralDeclined = "ReferralDeclined";

    private AdvocacyConsent()
    {
    }

    /// <summary>The grant, as the advocacy-referral service identifies it.</summary>
    public Guid GrantId { get; private set; }

    /// <summary>The case.</summary>
    public Guid CaseId { get; private set; }

    /// <summary>Code of the advocacy service it names.</summary>
    public string AdvocacyServiceCode { get; private set; } = "";

    /// <summary>The advocate may see the case's progress.</summary>
    public bool ViewCase { get; private set; }

    /// <summary>The advocate may see and comment on drafts of the final response.</summary>
    public bool ReviewDrafts { get; private set; }

    /// <summary>When it was given; <c>null</c> while only its end has arrived.</summary>
    public DateOnly? GrantedOn { get; private set; }

    /// <summary>When it ended; <c>null</c> while it lasts.</summary>
    public DateOnly? EndedOn { get; private set; }

    /// <summary>Why it ended: <see cref="Revoked"/>, <see cref="CaseClosed"/> or <see cref="ReferralDeclined"/>.</summary>
    public string? EndReason { get; private set; }

    /// <summary>Whether it still lasts.</summary>
    public bool IsActive => EndedOn is null;

    /// <summary>
    /// Whether the complainant (or the advocacy service, by declining) took it back: unlike the case closing, which
    /// ends it with the complaint answered, this means the advocate is to be told nothing more.
    /// </summary>
    public bool IsWithdrawn => EndReason is Revoked or ReferralDeclined;

    /// <summary>Consent given, with its scope.</summary>
    public static AdvocacyConsent Given(Guid grantId, Guid caseId, string advocacyServiceCode, bool viewCase, bool reviewDrafts, DateOnly grantedOn)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(advocacyServiceCode);
        return new AdvocacyConsent
        {
            GrantId = grantId, CaseId = caseId, AdvocacyServiceCode = advocacyServiceCode,
            ViewCase = viewCase, ReviewDrafts = reviewDrafts, GrantedOn = grantedOn,
        };
    }

    /// <summary>
    /// The end of a grant whose beginning has not arrived (the two events can cross on the broker): kept ended, with
    /// no scope, so that the grant arriving later cannot bring it back.
    /// </summary>
    public static AdvocacyConsent EndedBeforeGiven(Guid grantId, Guid caseId, string advocacyServiceCode, DateOnly endedOn, string reason)
    {
        var consent = new AdvocacyConsent { GrantId = grantId, CaseId = caseId, AdvocacyServiceCode = advocacyServiceCode };
        consent.End(endedOn, reason);
        return consent;
    }

    /// <summary>The grant arrived after its end: its scope and day are recorded, and it stays ended.</summary>
    public void Give(bool viewCase, bool reviewDrafts, DateOnly grantedOn)
    {
        ViewCase = viewCase;
        ReviewDrafts = reviewDrafts;
        GrantedOn = grantedOn;
    }

    /// <summary>
    /// The grant ended. A later withdrawal replaces an end by the case closing (the complainant withdrew consent while
    /// the advocate could still read the closed case); otherwise the first end is kept, however often it is announced.
    /// </summary>
    public void End(DateOnly endedOn, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (EndedOn is null || (!IsWithdrawn && reason is Revoked or ReferralDeclined))
        {
            EndedOn = endedOn;
            EndReason = reason;
        }
    }
}
