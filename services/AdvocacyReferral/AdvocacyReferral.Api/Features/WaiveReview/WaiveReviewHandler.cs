using IcsComplaints.AdvocacyReferral.Domain.Reviews;
using IcsComplaints.Platform.Security;

namespace IcsComplaints.AdvocacyReferral.Api.Features.WaiveReview;

/// <summary>The advocate, or the complainant, waives the review: the final response need not wait for it.</summary>
public sealed class WaiveReviewHandler(ReviewClosing closing)
{
    /// <summary>Waives the review; a waiver carries no verdict.</summary>
    public Task HandleAsync(Caller caller, long reviewId, CancellationToken ct) => closing.CloseAsync(caller, reviewId, ReviewStatus.Waived, verdict: null, ct);
}
