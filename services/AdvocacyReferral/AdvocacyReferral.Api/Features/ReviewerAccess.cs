using IcsComplaints.AdvocacyReferral.Api.Data;
using IcsComplaints.AdvocacyReferral.Domain.Reviews;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.AdvocacyReferral.Api.Features;

/// <summary>A review with the caller's part in it.</summary>
/// <param name="Review">The review, tracked for change.</param>
/// <param name="AsAdvocate">The caller is an advocate of its service, with consent in force to review drafts.</param>
/// <param name="AsComplainant">The caller is the case's signed-in complainant.</param>
public sealed record ReviewerOf(ReviewTask Review, bool AsAdvocate, bool AsComplainant);

/// <summary>Loads a review for the people who act on it: the advocate, while consent to review drafts is in force, and the complainant.</summary>
public sealed class ReviewerAccess(ReviewStore reviews, ReferralStore referrals, CaseStore cases)
{
    /// <summary>The review, for an advocate of its service with consent in force; anyone else finds nothing.</summary>
    public async Task<ReviewTask> ForAdvocateAsync(Caller caller, long reviewId, CancellationToken ct)
    {
        var review = await reviews.FindAsync(reviewId, ct);
        if (review is null || !AdvocacyAccess.IsAdvocateOf(caller, review.AdvocacyServiceCode)
            || !await referrals.HasDraftsGrantInForceAsync(review.CaseId, review.AdvocacyServiceCode, ct))
        {
            throw new RequestNotFoundException();
        }
        return review;
    }

    /// <summary>The review, for its advocate or the case's complainant; anyone else finds nothing.</summary>
    public async Task<ReviewerOf> ForReviewerAsync(Caller caller, long reviewId, CancellationToken ct)
    {
        var review = await reviews.FindAsync(reviewId, ct) ?? throw new RequestNotFoundException();
        var c = await cases.ReadAsync(review.CaseId, ct) ?? throw new RequestNotFoundException();
        var advocate = AdvocacyAccess.IsAdvocateOf(caller, review.AdvocacyServiceCode)
            && await referrals.HasDraftsGrantInForceAsync(review.CaseId, review.AdvocacyServiceCode, ct);
        var complainant = AdvocacyAccess.IsComplainant(caller, c);
        return !advocate && !complainant ? throw new RequestNotFoundException() : new ReviewerOf(review, advocate, complainant);
    }
}
