// ConsentScope: an advocate sees a case, and its drafts only if agreed, on the complainant's consent while it is in force (no statutory right of access: domain.md §5; ADR 13).
using System.Linq.Expressions;
using IcsComplaints.AdvocacyReferral.Domain.Referrals;

namespace IcsComplaints.AdvocacyReferral.Domain.Rules;

/// <summary>
/// ConsentScope: an advocate has no right of their own to a case or a draft (domain.md §5, ADR 13); the
/// complainant's consent lets one advocacy service see the case's progress and, only if agreed, drafts of the final
/// response, while the grant is in force (checked at every view), and a revocation takes effect at once.
/// </summary>
public static class ConsentScope
{
    /// <summary>In force: the service sees its referral and, with <see cref="ConsentGrant.ViewCase"/>, the case.</summary>
    public static Expression<Func<ConsentGrant, bool>> InForce { get; } = g => g.EndedOn == null;

    /// <summary>In force for drafts: the service reviews and comments on drafts of the final response.</summary>
    public static Expression<Func<ConsentGrant, bool>> InForceForDrafts { get; } = g => g.EndedOn == null && g.ReviewDrafts;

    /// <summary>
    /// The scope agreed: seeing the case's progress unless the complainant said not, drafts only when they said so
    /// (reading a draft before it is final goes further than following a complaint).
    /// </summary>
    public static (bool ViewCase, bool ReviewDrafts) Agreed(bool? viewCase, bool? reviewDrafts) => (viewCase ?? true, reviewDrafts ?? false);

    /// <summary>
    /// How consent is evidenced when nobody said: a signed-in complainant referring their own case consents
    /// electronically by doing so; staff must record how the complainant consented (<c>null</c>).
    /// </summary>
    public static ConsentEvidence? EvidenceUnlessSaid(bool givenByComplainant) => givenByComplainant ? ConsentEvidence.Electronic : null;
}
