using IcsComplaints.AdvocacyReferral.Api.Data;
using IcsComplaints.AdvocacyReferral.Domain.Reviews;

namespace IcsComplaints.AdvocacyReferral.Api.Features.OpenReview;

/// <summary>A draft the case service shared for review.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Version">The draft version.</param>
/// <param name="AdvocacyServiceCodes">The services asked to review it.</param>
/// <param name="SharedOn">When shared.</param>
/// <param name="WindowEndsOn">The last day of the review window.</param>
public sealed record SharedDraft(Guid CaseId, int Version, IReadOnlyList<string> AdvocacyServiceCodes, DateOnly SharedOn, DateOnly WindowEndsOn);

/// <summary>
/// Opens a review for each advocacy service with consent in force to review drafts. A repeated announcement opens
/// nothing new (one review per case, version and service), and a newer version ends the open review of an older
/// one. The consumer's unit of work saves it.
/// </summary>
public sealed class OpenReviewHandler(ReviewStore reviews, ReferralStore referrals)
{
    /// <summary>Opens the reviews the draft calls for.</summary>
    public async Task HandleAsync(SharedDraft shared, CancellationToken ct)
    {
        await reviews.LockCaseAsync(shared.CaseId, ct);
        foreach (var service in shared.AdvocacyServiceCodes.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var consented = await referrals.HasDraftsGrantInForceAsync(shared.CaseId, service, ct);
            var ofService = await reviews.OfServiceAsync(shared.CaseId, service, ct);
            if (!consented || ofService.Any(r => r.Version == shared.Version))
            {
                continue;
            }
            foreach (var older in ofService.Where(r => r.Version < shared.Version))
            {
                older.Supersede(shared.SharedOn);
            }
            reviews.Add(ReviewTask.Open(shared.CaseId, shared.Version, service, shared.SharedOn, shared.WindowEndsOn));
        }
    }
}
