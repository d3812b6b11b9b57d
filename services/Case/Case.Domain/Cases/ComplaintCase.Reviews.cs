using IcsComplaints.Case.Domain.Rules;
using IcsComplaints.Validation;

namespace IcsComplaints.Case.Domain.Cases;

/// <summary>Sharing drafts for review, and the block on finalising until each review is done (<see cref="AdvocateReviewWindow"/>).</summary>
public sealed partial class ComplaintCase
{
    private readonly List<DraftReview> _reviews = [];

    /// <summary>Reviews of drafts.</summary>
    public IReadOnlyList<DraftReview> Reviews => _reviews;

    /// <summary>
    /// The last draft version shared with reviewers, or <c>null</c> when none has been: a later version was saved
    /// privately and nobody has seen it yet.
    /// </summary>
    public int? SharedVersion => _reviews.Count == 0 ? null : _reviews.Max(r => r.Version);

    /// <summary>
    /// Opens a review of the current draft for each reviewer that has none, ending open reviews of older versions.
    /// Returns the reviews opened.
    /// </summary>
    public IReadOnlyList<DraftReview> ShareDraft(IEnumerable<(string Code, ReviewerKind Kind)> reviewers, DateOnly today, DateOnly windowEndsOn)
    {
        if (Stage != CaseStage.ResponseDrafted || Draft is null)
        {
            return [];
        }
        var opened = new List<DraftReview>();
        foreach (var (code, kind) in reviewers.DistinctBy(r => r.Code, StringComparer.OrdinalIgnoreCase))
        {
            if (_reviews.Any(r => r.Version == DraftVersion && string.Equals(r.ReviewerCode, code, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }
            foreach (var older in _reviews.Where(r => r.Status == DraftReviewStatus.Open && r.Version < DraftVersion && string.Equals(r.ReviewerCode, code, StringComparison.OrdinalIgnoreCase)))
            {
                older.End(DraftReviewStatus.Superseded, today);
            }
            var review = new DraftReview(Id, DraftVersion, code, kind, today, windowEndsOn);
            _reviews.Add(review);
            opened.Add(review);
        }
        return opened;
    }

    /// <summary>The current draft as reviewers read it, whatever happens to the draft afterwards.</summary>
    public DraftSnapshot SnapshotDraft(DateTimeOffset at) =>
        new(Id, DraftVersion, Draft ?? throw new RequestStateException("There is no draft to share."), at);

    /// <summary>Closes an open review of a version, with an advocate's verdict when they gave one; returns false when it was not open.</summary>
    public bool CloseReview(
        int version, string reviewerCode, DraftReviewStatus outcome, DateOnly on, int comments = 0, string? comment = null, DraftReviewVerdict? verdict = null)
    {
        var review = _reviews.FirstOrDefault(r => r.Version == version && r.Status == DraftReviewStatus.Open && string.Equals(r.ReviewerCode, reviewerCode, StringComparison.OrdinalIgnoreCase));
        if (review is null)
        {
            return false;
        }
        review.Close(outcome, on, comments, comment, verdict);
        return true;
    }

    /// <summary>Open reviews of the current draft whose window has not passed: each blocks sending the final response.</summary>
    public IReadOnlyList<DraftReview> BlockingReviews(DateOnly today) =>
        [.. _reviews.Where(r => r.Version == DraftVersion && AdvocateReviewWindow.Holds(r, today))];

    /// <summary>Marks as expired the open reviews whose window has passed; returns them.</summary>
    public IReadOnlyList<DraftReview> ExpireReviews(DateOnly today)
    {
        var expired = _reviews.Where(r => AdvocateReviewWindow.HasPassed(r, today)).ToList();
        foreach (var review in expired)
        {
            review.End(DraftReviewStatus.Expired, AdvocateReviewWindow.ExpiredOn(review));
        }
        return expired;
    }

    /// <summary>Refuses to finalise while a review of the current draft is open.</summary>
    public void EnsureReviewsDone(DateOnly today)
    {
        var blocking = BlockingReviews(today);
        if (blocking.Count > 0)
        {
            throw new RequestStateException(
                "The draft is being reviewed before it is final by " + string.Join(", ", blocking.Select(r => $"{r.ReviewerCode} (until {r.WindowEndsOn:yyyy-MM-dd})"))
                + ": wait for the review to be completed or waived, or for its window to pass.");
        }
    }
}
