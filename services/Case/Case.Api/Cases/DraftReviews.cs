using IcsComplaints.Validation;

namespace IcsComplaints.Case.Api.Cases;

/// <summary>Who reviews a draft.</summary>
public enum ReviewerKind
{
    /// <summary>The complainant's advocacy service, with their consent to share drafts.</summary>
    Advocacy = 1,

    /// <summary>Another organisation of a complaint about several (Reg 9; the Ombudsman's lead-organisation steps).</summary>
    Contributor = 2,
}

/// <summary>Where a review of a draft stands.</summary>
public enum DraftReviewStatus
{
    /// <summary>Shared; the reviewer may read and comment until the window ends.</summary>
    Open = 1,

    /// <summary>The reviewer finished.</summary>
    Completed = 2,

    /// <summary>Waived by the advocate or the complainant.</summary>
    Waived = 3,

    /// <summary>The window passed without an answer.</summary>
    Expired = 4,

    /// <summary>The complainant's consent ended.</summary>
    ConsentRevoked = 5,

    /// <summary>A newer draft replaced it (and opened a review of its own).</summary>
    Superseded = 6,
}

/// <summary>A draft version shared with one reviewer before the response is final.</summary>
public sealed class DraftReview
{
    /// <summary>Identifier.</summary>
    public long Id { get; init; }

    /// <summary>The case.</summary>
    public Guid CaseId { get; init; }

    /// <summary>The draft version.</summary>
    public int Version { get; init; }

    /// <summary>Advocacy service code or contributing organisation's ODS code.</summary>
    public required string ReviewerCode { get; init; }

    /// <summary>Advocacy or Contributor.</summary>
    public ReviewerKind Kind { get; init; }

    /// <summary>When shared.</summary>
    public DateOnly SharedOn { get; init; }

    /// <summary>The last day of the review window (working days set by the organisation).</summary>
    public DateOnly WindowEndsOn { get; init; }

    /// <summary>Where it stands.</summary>
    public DraftReviewStatus Status { get; set; } = DraftReviewStatus.Open;

    /// <summary>When it closed.</summary>
    public DateOnly? ClosedOn { get; set; }

    /// <summary>Comments made (an advocate's stay in the advocacy service; a contributor's is below).</summary>
    public int Comments { get; set; }

    /// <summary>A contributing organisation's comment.</summary>
    public string? ContributorComment { get; set; }
}

/// <summary>The draft as it was when shared: reviewers read this version, whatever happens to the draft afterwards.</summary>
public sealed class DraftSnapshot
{
    /// <summary>The case.</summary>
    public Guid CaseId { get; init; }

    /// <summary>The version.</summary>
    public int Version { get; init; }

    /// <summary>The draft.</summary>
    public required ResponseDraft Draft { get; init; }

    /// <summary>When shared.</summary>
    public DateTimeOffset SharedAt { get; init; }
}

/// <summary>Sharing drafts for review, and the block on finalising until each review is done.</summary>
public sealed partial class ComplaintCase
{
    private readonly List<DraftReview> _reviews = [];

    /// <summary>Reviews of drafts.</summary>
    public IReadOnlyList<DraftReview> Reviews => _reviews;

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
                older.Status = DraftReviewStatus.Superseded;
                older.ClosedOn = today;
            }
            var review = new DraftReview { CaseId = Id, Version = DraftVersion, ReviewerCode = code, Kind = kind, SharedOn = today, WindowEndsOn = windowEndsOn };
            _reviews.Add(review);
            opened.Add(review);
        }
        return opened;
    }

    /// <summary>Closes an open review of a version; returns false when it was not open.</summary>
    public bool CloseReview(int version, string reviewerCode, DraftReviewStatus outcome, DateOnly on, int comments = 0, string? comment = null)
    {
        var review = _reviews.FirstOrDefault(r => r.Version == version && r.Status == DraftReviewStatus.Open && string.Equals(r.ReviewerCode, reviewerCode, StringComparison.OrdinalIgnoreCase));
        if (review is null)
        {
            return false;
        }
        review.Status = outcome;
        review.ClosedOn = on;
        review.Comments = comments;
        review.ContributorComment = comment;
        return true;
    }

    /// <summary>Open reviews of the current draft whose window has not passed: each blocks sending the final response.</summary>
    public IReadOnlyList<DraftReview> BlockingReviews(DateOnly today) =>
        [.. _reviews.Where(r => r.Version == DraftVersion && r.Status == DraftReviewStatus.Open && today <= r.WindowEndsOn)];

    /// <summary>Marks as expired the open reviews whose window has passed; returns them.</summary>
    public IReadOnlyList<DraftReview> ExpireReviews(DateOnly today)
    {
        var expired = _reviews.Where(r => r.Status == DraftReviewStatus.Open && today > r.WindowEndsOn).ToList();
        foreach (var review in expired)
        {
            review.Status = DraftReviewStatus.Expired;
            review.ClosedOn = review.WindowEndsOn.AddDays(1);
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
