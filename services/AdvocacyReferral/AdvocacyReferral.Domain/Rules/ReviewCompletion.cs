// ReviewCompletion: a shared draft's review ends completed, waived or expired (or superseded, or with consent) before the final response goes (consent-gated step, not law: domain.md §5; ADR 13); an advocate completes it approving the draft or asking for changes they commented on (domain.md §4.4 step 5).
using IcsComplaints.AdvocacyReferral.Domain.Reviews;
using IcsComplaints.Validation;

namespace IcsComplaints.AdvocacyReferral.Domain.Rules;

/// <summary>
/// ReviewCompletion: a draft shared for review (a consent-gated step, not a legal requirement: domain.md §5, ADR 13)
/// holds the final response back until its review is completed by the advocate, waived by the advocate or the
/// complainant, or expired when its window passes (the case service decides that and when the response may go);
/// a newer version or the end of consent ends it. The advocate completes it with a verdict: approving the draft, or
/// asking for changes — which they must have said in a comment, since the handler reflects the comments in the final
/// response (domain.md §4.4, the lead-organisation step "share all comments and reflect them in the final response").
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

    /// <summary>The field of a completion that carries the verdict.</summary>
    public const string VerdictField = "verdict";

    /// <summary>Why a completion without a verdict is refused.</summary>
    public const string VerdictMissing = "Say whether you approve the draft or ask for changes: Approved or ChangesAsked.";

    /// <summary>Why asking for changes without a comment is refused.</summary>
    public const string ChangesNeedAComment = "Comment on what should change before you ask for changes";

    /// <summary>
    /// Records an error when a completion has no verdict, or asks for changes on a review with no comment saying
    /// what should change. A waiver carries no verdict and is not checked here.
    /// </summary>
    public static void CheckVerdict(ReviewVerdict? verdict, int comments, string field, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (verdict is null)
        {
            errors.Add(field, VerdictMissing);
        }
        else if (verdict == ReviewVerdict.ChangesAsked && comments == 0)
        {
            errors.Add(field, ChangesNeedAComment);
        }
    }

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
