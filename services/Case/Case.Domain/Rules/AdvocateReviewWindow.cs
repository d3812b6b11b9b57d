using IcsComplaints.Calendar;
using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Validation;

namespace IcsComplaints.Case.Domain.Rules;

/// <summary>
/// Draft review before the response is final (domain.md §5, a consent-gated local step; PHSO lead-organisation guide
/// for Reg 9 contributors): a shared draft holds the final response back until each review is done or its window of
/// working days passes (five by default, the organisation's choice).
/// </summary>
public static class AdvocateReviewWindow
{
    /// <summary>The window until the organisation sets its own.</summary>
    public const int DefaultWorkingDays = 5;

    /// <summary>The shortest window an organisation may set.</summary>
    public const int MinWorkingDays = 1;

    /// <summary>The longest window an organisation may set, so a review cannot hold a response back for more than four weeks.</summary>
    public const int MaxWorkingDays = 20;

    /// <summary>The last day of a review opened on <paramref name="sharedOn"/>.</summary>
    public static DateOnly EndsOn(DateOnly sharedOn, int windowWorkingDays, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.AddWorkingDays(sharedOn, windowWorkingDays);
    }

    /// <summary>Records an error when a window to be set is outside the range; <c>null</c> (not changed) is always accepted.</summary>
    public static void Check(int? windowWorkingDays, string field, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (windowWorkingDays is not (null or (>= MinWorkingDays and <= MaxWorkingDays)))
        {
            errors.Add(field, $"Give a review window of {MinWorkingDays} to {MaxWorkingDays} working days.");
        }
    }

    /// <summary>True while an open review still holds the response back: its window has not passed.</summary>
    public static bool Holds(DraftReview review, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(review);
        return review.Status == DraftReviewStatus.Open && today <= review.WindowEndsOn;
    }

    /// <summary>True when an open review's window has passed without an answer.</summary>
    public static bool HasPassed(DraftReview review, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(review);
        return review.Status == DraftReviewStatus.Open && today > review.WindowEndsOn;
    }

    /// <summary>The day an unanswered review expired: the day after its window.</summary>
    public static DateOnly ExpiredOn(DraftReview review)
    {
        ArgumentNullException.ThrowIfNull(review);
        return review.WindowEndsOn.AddDays(1);
    }
}
