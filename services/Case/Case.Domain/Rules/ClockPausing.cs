using IcsComplaints.Calendar;
using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Validation;

namespace IcsComplaints.Case.Domain.Rules;

/// <summary>
/// Pausing the response clock (Reg 14; domain.md §1.6, agreed and realistic timescales): one pause at a time, for a
/// stated reason, while the clock runs; the working days paused move the agreed response date on, never the six-month
/// backstop.
/// </summary>
public static class ClockPausing
{
    /// <summary>Longest description of what is awaited.</summary>
    public const int DetailMaxLength = 200;

    /// <summary>Why a pause without a description is refused.</summary>
    public const string DetailMissing = "Say what is awaited or which process runs in parallel (inquest, claim, regulator …), without personal data.";

    /// <summary>Refuses a pause when there is no running clock, or it is paused already.</summary>
    public static void EnsureMayPause(ComplaintCase complaintCase)
    {
        ArgumentNullException.ThrowIfNull(complaintCase);
        if (!complaintCase.IsOpen)
        {
            throw new RequestStateException($"The case is {complaintCase.Stage}: there is no clock to pause.");
        }
        if (complaintCase.IsPaused)
        {
            throw new RequestStateException("The clock is already paused; restart it before pausing again.");
        }
    }

    /// <summary>The earliest day a new pause may begin: the end of the last pause, or the day received.</summary>
    public static DateOnly EarliestStart(ComplaintCase complaintCase)
    {
        ArgumentNullException.ThrowIfNull(complaintCase);
        return complaintCase.Pauses.Select(p => p.Until ?? p.From).DefaultIfEmpty(complaintCase.ReceivedOn).Max();
    }

    /// <summary>
    /// Working days the clock stood still: each pause counts the working days after its first day up to its end
    /// (today, while open), only from <paramref name="since"/> when given.
    /// </summary>
    public static int PausedWorkingDays(ComplaintCase complaintCase, DateOnly today, WorkingDayCalendar calendar, DateOnly? since = null)
    {
        ArgumentNullException.ThrowIfNull(complaintCase);
        ArgumentNullException.ThrowIfNull(calendar);
        return complaintCase.Pauses.Sum(p =>
        {
            var from = since is { } s && s > p.From ? s : p.From;
            var to = p.Until ?? today;
            return to > from ? calendar.WorkingDaysBetween(from, to) : 0;
        });
    }

    /// <summary>An agreed date moved on by the working days paused since it was agreed.</summary>
    public static DateOnly MoveOn(DateOnly dueBy, int pausedWorkingDays, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.AddWorkingDays(dueBy, pausedWorkingDays);
    }
}
