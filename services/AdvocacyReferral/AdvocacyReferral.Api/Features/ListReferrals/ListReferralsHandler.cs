using IcsComplaints.AdvocacyReferral.Api.Data;
using IcsComplaints.AdvocacyReferral.Domain.Referrals;
using IcsComplaints.Platform.Audit;
using IcsComplaints.Platform.Security;

namespace IcsComplaints.AdvocacyReferral.Api.Features.ListReferrals;

/// <summary>A referral as shown to the handler, the complainant and the advocacy service.</summary>
/// <param name="Id">Identifier.</param>
/// <param name="CaseId">The case.</param>
/// <param name="Reference">The complaint's reference.</param>
/// <param name="OrganisationCode">The organisation handling it.</param>
/// <param name="AdvocacyServiceCode">The service.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="RequestedBy">Handler or Complainant.</param>
/// <param name="RequestedOn">When.</param>
/// <param name="AnsweredOn">When answered.</param>
/// <param name="DeclineReason">Why declined.</param>
/// <param name="AdvocateName">The advocate.</param>
/// <param name="Grant">The consent.</param>
public sealed record ReferralView(
    Guid Id, Guid CaseId, string Reference, string OrganisationCode, string AdvocacyServiceCode, ReferralStatus Status, string RequestedBy,
    DateOnly RequestedOn, DateOnly? AnsweredOn, string? DeclineReason, string? AdvocateName, GrantView Grant);

/// <summary>A consent grant as shown.</summary>
/// <param name="Id">Identifier.</param>
/// <param name="ViewCase">May see the case.</param>
/// <param name="ReviewDrafts">May review drafts.</param>
/// <param name="Evidence">How evidenced.</param>
/// <param name="GrantedOn">When given.</param>
/// <param name="EndedOn">When ended.</param>
/// <param name="EndReason">Why.</param>
/// <param name="AccessEndsOn">The planned last day of the advocate's access, once known (ADR 26).</param>
public sealed record GrantView(
    Guid Id, bool ViewCase, bool ReviewDrafts, ConsentEvidence Evidence, DateOnly GrantedOn, DateOnly? EndedOn, string? EndReason, DateOnly? AccessEndsOn);

/// <summary>
/// Lists referrals and their grants for those entitled: the handling organisation's staff, the complainant, and the
/// advocacy service named while the complainant's consent is in force.
/// </summary>
public sealed class ListReferralsHandler(ReferralQueries queries, IAuditTrail audit)
{
    private const int Limit = 200;

    /// <summary>Referrals the caller may see, newest first, optionally of one case.</summary>
    public async Task<IReadOnlyList<ReferralView>> HandleAsync(Caller caller, Guid? caseId, CancellationToken ct)
    {
        var readership = AdvocacyAccess.ReadershipOf(caller, "Referrals are seen by the complaints team, the complainant and the advocacy service.");
        var rows = await queries.ListAsync(readership, caseId, Limit, ct);
        if (rows.Count > 0)
        {
            await audit.RecordReadAsync(AdvocacyResources.Referral, caseId?.ToString() ?? $"list:{rows.Count}", caller.OrganisationCode, ct);
        }
        return [.. rows.Select(x => new ReferralView(
            x.Referral.Id, x.Referral.CaseId, x.Case.Reference, x.Case.OrganisationCode, x.Referral.AdvocacyServiceCode, x.Referral.Status, x.Referral.RequestedBy,
            x.Referral.RequestedOn, x.Referral.AnsweredOn, x.Referral.DeclineReason, x.Referral.AdvocateName,
            new GrantView(x.Grant.Id, x.Grant.ViewCase, x.Grant.ReviewDrafts, x.Grant.Evidence, x.Grant.GrantedOn, x.Grant.EndedOn, x.Grant.EndReason, x.Grant.AccessEndsOn)))];
    }
}
