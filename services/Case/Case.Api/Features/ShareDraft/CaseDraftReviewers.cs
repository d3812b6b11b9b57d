using IcsComplaints.Case.Domain.Cases;

namespace IcsComplaints.Case.Api.Features.ShareDraft;

/// <summary>
/// Who reviews a draft before it is final: every other organisation of a co-ordinated response (Reg 9), and each
/// advocacy service that accepted a referral with the complainant's consent to share drafts.
/// </summary>
public sealed class CaseDraftReviewers(DraftReviewerLookup advocates)
{
    /// <summary>The reviewers of the case's drafts.</summary>
    public async Task<List<(string Code, ReviewerKind Kind)>> ForAsync(ComplaintCase c, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(c);
        return [.. c.Contributions.Select(x => (x.OrganisationCode, ReviewerKind.Contributor)), .. (await advocates.ForAsync(c.Id, ct)).Select(a => (a, ReviewerKind.Advocacy))];
    }
}
