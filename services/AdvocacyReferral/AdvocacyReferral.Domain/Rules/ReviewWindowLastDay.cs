// ReviewWindowLastDay: an advocate comments on a shared draft through the last day of the window the case service set, and not after (draft "at an arranged time with enough time to comment": domain.md §5 [OMB-CHARTER]; ADR 13).
namespace IcsComplaints.AdvocacyReferral.Domain.Rules;

/// <summary>
/// ReviewWindowLastDay: a draft shared for review holds the final response back, but not forever (ADR 13); the
/// case service sets the window's last day when it shares the draft (its AdvocateReviewWindow rule: its length, in working days, is the handling
/// organisation's setting there), and this service lets the advocate act on the review through that day inclusive.
/// </summary>
public static class ReviewWindowLastDay
{
    /// <summary>True while the review may still be acted on: today is on or before the window's last day.</summary>
    public static bool IsOpenOn(DateOnly windowEndsOn, DateOnly today) => today <= windowEndsOn;

    /// <summary>What the advocate or complainant is told once the window has passed.</summary>
    public static string Passed(DateOnly windowEndsOn) => $"The review window ended on {windowEndsOn:yyyy-MM-dd}.";
}
