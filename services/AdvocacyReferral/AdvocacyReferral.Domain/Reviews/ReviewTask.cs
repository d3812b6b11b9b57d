using IcsComplaints.AdvocacyReferral.Domain.Rules;
using IcsComplaints.Validation;

namespace IcsComplaints.AdvocacyReferral.Domain.Reviews;

/// <summary>Where an advocate's review of a draft stands.</summary>
public enum ReviewStatus
{
    /// <summary>Shared; the advocate may read and comment.</summary>
    Open = 1,

    /// <summary>The advocate finished.</summary>
    Completed = 2,

    /// <summary>The advocate or the complainant waived it.</summary>
    Waived = 3,

    /// <summary>Ended without the advocate: a newer draft replaced it, the window passed, or consent ended.</summary>
    Ended = 4,
}

/// <summary>
/// A draft of a final response shared with an advocacy service for review before it is final: one per case,
/// version and service. It is acted on only while open and within its window (<see cref="ReviewCompletion"/>).
/// </summary>
public sealed class ReviewTask
{
    private readonly List<ReviewComment> _comments = [];

    private ReviewTask()
    {
    }

    /// <summary>Identifier.</summary>
    public long Id { get; private set; }

    /// <summary>The case.</summary>
    public Guid CaseId { get; private set; }

    /// <summary>The draft version.</summary>
    public int Version { get; private set; }

    /// <summary>The advocacy service.</summary>
    public string AdvocacyServiceCode { get; private set; } = "";

    /// <summary>When shared.</summary>
    public DateOnly SharedOn { get; private set; }

    /// <summary>The last day of the review window.</summary>
    public DateOnly WindowEndsOn { get; private set; }

    /// <summary>Where it stands.</summary>
    public ReviewStatus Status { get; private set; } = ReviewStatus.Open;

    /// <summary>When it closed.</summary>
    public DateOnly? ClosedOn { get; private set; }

    /// <summary>Who closed it: a subject, or why it ended without one (<see cref="ReviewCompletion.Superseded"/>, <see cref="ReviewCompletion.ConsentEnded"/>).</summary>
    public string? ClosedBy { get; private set; }

    /// <summary>How the advocate completed it; <c>null</c> while open, and when waived or ended without them.</summary>
    public ReviewVerdict? Verdict { get; private set; }

    /// <summary>The advocate's comments.</summary>
    public IReadOnlyList<ReviewComment> Comments => _comments;

    /// <summary>Opens the review of a shared draft, with the window the case service set.</summary>
    public static ReviewTask Open(Guid caseId, int version, string advocacyServiceCode, DateOnly sharedOn, DateOnly windowEndsOn) => new()
    {
        CaseId = caseId, Version = version, AdvocacyServiceCode = advocacyServiceCode, SharedOn = sharedOn, WindowEndsOn = windowEndsOn,
    };

    /// <summary>Adds a comment while the review may be acted on.</summary>
    public ReviewComment Comment(DraftSection section, string text, string author, string? authorName, DateTimeOffset at, DateOnly today)
    {
        ReviewCompletion.EnsureActionable(this, today);
        var comment = ReviewComment.Write(Id, section, text, author, authorName, at);
        _comments.Add(comment);
        return comment;
    }

    /// <summary>
    /// Closes the review while it may be acted on: completed with the advocate's verdict
    /// (<see cref="ReviewCompletion.CheckVerdict"/>), or waived, which has none.
    /// </summary>
    public void Close(ReviewStatus outcome, string by, DateOnly today, ReviewVerdict? verdict = null)
    {
        if (outcome is not (ReviewStatus.Completed or ReviewStatus.Waived))
        {
            throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "A reviewer completes or waives a review.");
        }
        if (outcome == ReviewStatus.Waived && verdict is not null)
        {
            throw new ArgumentException("A waived review has no verdict.", nameof(verdict));
        }
        ReviewCompletion.EnsureActionable(this, today);
        if (outcome == ReviewStatus.Completed)
        {
            var errors = new ValidationErrors();
            ReviewCompletion.CheckVerdict(verdict, _comments.Count, ReviewCompletion.VerdictField, errors);
            errors.ThrowIfAny();
        }
        Status = outcome;
        ClosedOn = today;
        ClosedBy = by;
        Verdict = verdict;
    }

    /// <summary>A newer version of the draft was shared: this open review of an older one ends.</summary>
    public void Supersede(DateOnly on) => EndWithout(ReviewCompletion.Superseded, on);

    /// <summary>The consent it rested on ended: the open review ends with it.</summary>
    public void EndWithConsent(DateOnly on) => EndWithout(ReviewCompletion.ConsentEnded, on);

    private void EndWithout(string why, DateOnly on)
    {
        if (Status != ReviewStatus.Open)
        {
            return;
        }
        Status = ReviewStatus.Ended;
        ClosedOn = on;
        ClosedBy = why;
    }
}
