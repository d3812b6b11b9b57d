using IcsComplaints.AdvocacyReferral.Domain.Reviews;
using IcsComplaints.Platform.Security;

namespace IcsComplaints.AdvocacyReferral.Api.Features.CompleteReview;

/// <summary>The advocate finishes the review: the case learns it is complete, with the number of comments.</summary>
public sealed class CompleteReviewHandler(ReviewClosing closing)
{
    /// <summary>Completes the review.</summary>
    public Task HandleAsync(Caller caller, long reviewId, CancellationToken ct) => closing.CloseAsync(caller, reviewId, ReviewStatus.Completed, ct);
}
