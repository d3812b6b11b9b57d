// SelfReferralConsent: a complainant may refer their own complaint to advocacy, the consent being their own and given by asking (domain.md §5, consent and access: the person's consent; people may self-refer); a repeat gets the referral already in force.
using IcsComplaints.AdvocacyReferral.Domain.Referrals;

namespace IcsComplaints.AdvocacyReferral.Domain.Rules;

/// <summary>
/// SelfReferralConsent: advocacy rests on the person's own consent, and people may refer themselves (domain.md §5,
/// consent and access). A complainant without an account proves who they are with the reference and the status
/// secret they were given when they complained online; asking for advocacy with them is their consent, given
/// electronically and recorded as theirs, never as a member of staff's. Asking again — a double-click, a resubmitted
/// form, a second visit — gets the referral already in force rather than a second one.
/// </summary>
public static class SelfReferralConsent
{
    /// <summary>
    /// Who asked and recorded the consent, in place of a token subject: the proof the complainant gave, so the record
    /// says how they were known.
    /// </summary>
    public const string ProvenBy = "complainant:reference-and-status-secret";

    /// <summary>How the consent is evidenced: the complainant's own online request.</summary>
    public const ConsentEvidence Evidence = ConsentEvidence.Electronic;

    /// <summary>
    /// The referral that answers a repeat: the first still waiting or accepted under a grant in force, whichever
    /// service it names and whoever made it; <c>null</c> when none is, and a new referral may be made.
    /// </summary>
    public static Referral? Standing(IEnumerable<(Referral Referral, ConsentGrant Grant)> referrals) =>
        referrals
            .Where(x => x.Grant.IsActive && x.Referral.GrantId == x.Grant.Id && x.Referral.Status is ReferralStatus.Requested or ReferralStatus.Accepted)
            .OrderBy(x => x.Referral.RequestedOn)
            .ThenBy(x => x.Referral.Id)
            .Select(x => x.Referral)
            .FirstOrDefault();
}
