using IcsComplaints.AdvocacyReferral.Domain.Reviews;
using IcsComplaints.Platform.Security;

namespace IcsComplaints.AdvocacyReferral.Api.Features.CompleteReview;

/// <summary>Complete a review.</summary>
/// <param name="Verdict">Approved, or ChangesAsked (which needs a comment on the review).</param>
public sealed record CompleteReviewRequest(string? Verdict);

/// <summary>The advocate finishes the review with their verdict: the case learns it, with the number of comments.</summary>
public sealed class CompleteReviewHandler(ReviewClosing closing)
{
    /// <summary>Completes the review; a request without a body has no verdict and is refused like one without the field.</summary>
    public Task HandleAsync(Caller caller, long reviewId, CompleteReviewRequest? input, CancellationToken ct) =>
        closing.CloseAsync(caller, reviewId, ReviewStatus.Completed, input?.Verdict, ct);
}
