// ReviewCompletion: a shared draft's review ends completed, waived or expired (or superseded, or with consent) before the final response goes (consent-gated step, not law: domain.md §5; ADR 13).
using IcsComplaints.AdvocacyReferral.Domain.Reviews;
using IcsComplaints.Validation;

namespace IcsComplaints.AdvocacyReferral.Domain.Rules;

/// <summary>
/// ReviewCompletion: a draft shared for review (a consent-gated step, not a legal requirement: domain.md §5, ADR 13)
/// holds the final response back until its review is completed by the advocate, waived by the advocate or the
/// complainant, or expired when its window passes (the case service decides that and when the response may go);
/// a newer version or the end of consent ends it.
/// </summary>
public static class ReviewCompletion
{
    /// <summary>Who closed a review that a newer version of the draft replaced.</summary>
    public const string Superseded = "superseded";

    /// <summary>Who closed a review whose consent ended.</summary>
    public const string ConsentEnded = "consent-ended";

    /// <summary>The complainant may waive the review their advocate would do; only the advocate completes it.</summary>
    public static bool MayClose(ReviewStatus outcome, bool asAdvocate, bool asComplainant) => outcome switch
    {
        ReviewStatus.Completed => asAdvocate,
        ReviewStatus.Waived => asAdvocate || asComplainant,
        _ => false,
    };

    /// <summary>A review is commented on, completed or waived only while open and within its <see cref="ReviewWindowLastDay"/>.</summary>
    public static void EnsureActionable(ReviewTask review, DateOnly today)
    {
        if (review.Status != ReviewStatus.Open)
        {
            throw new RequestStateException($"The review is {review.Status}.");
        }
        if (!ReviewWindowLastDay.IsOpenOn(review.WindowEndsOn, today))
        {
            throw new RequestStateException(ReviewWindowLastDay.Passed(review.WindowEndsOn));
        }
    }
}
