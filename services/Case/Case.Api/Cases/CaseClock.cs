using IcsComplaints.Calendar;

namespace IcsComplaints.Case.Api.Cases;

/// <summary>The deadlines a case keeps.</summary>
public enum DeadlineKind
{
    /// <summary>Acknowledgement by the third working day after receipt (Reg 13(3)).</summary>
    Acknowledgement = 1,

    /// <summary>The organisation's early-resolution target, counted from receipt.</summary>
    EarlyResolution = 2,

    /// <summary>The response date agreed with the complainant, moved on by the time the clock was paused.</summary>
    Response = 3,

    /// <summary>The next update to the complainant, at the agreed frequency.</summary>
    Update = 4,

    /// <summary>Six months from receipt, or a later date agreed before then: after it, a letter explaining the delay is owed (Reg 14).</summary>
    Backstop = 5,
}

/// <summary>A deadline of a case.</summary>
/// <param name="Kind">Which.</param>
/// <param name="DueOn">The last day in time.</param>
/// <param name="Met">True when what was due happened in time.</param>
/// <param name="Done">True when what was due happened (in time or late), or no longer applies.</param>
public sealed record Deadline(DeadlineKind Kind, DateOnly DueOn, bool Met, bool Done)
{
    /// <summary>True when the day has passed and it is still not done.</summary>
    public bool IsMissed(DateOnly today) => !Done && today > DueOn;
}

/// <summary>
/// The working-day clock of a case: the acknowledgement (Reg 13(3)), the early-resolution target, the agreed response
/// date moved on by pauses, the update frequency, and the six-month backstop of Reg 14, which pauses do not move.
/// </summary>
public static class CaseClock
{
    /// <summary>Working days the clock stood still: each pause counts the working days after its first day up to its end (today, while open).</summary>
    public static int PausedWorkingDays(ComplaintCase complaintCase, DateOnly today, WorkingDayCalendar calendar, DateOnly? since = null) =>
        complaintCase.Pauses.Sum(p =>
        {
            var from = since is { } s && s > p.From ? s : p.From;
            var to = p.Until ?? today;
            return to > from ? calendar.WorkingDaysBetween(from, to) : 0;
        });

    /// <summary>
    /// The response date in force: the last one agreed, moved on by the working days paused since it was agreed;
    /// <c>null</c> until a date is agreed.
    /// </summary>
    public static DateOnly? ResponseDueBy(ComplaintCase complaintCase, DateOnly today, WorkingDayCalendar calendar)
    {
        if (complaintCase.Agreements.Count == 0)
        {
            return null;
        }
        // The latest recorded agreement holds; one not yet saved (no identifier) is the latest of all.
        var current = complaintCase.Agreements.OrderBy(a => a.Id == 0 ? long.MaxValue : a.Id).Last();
        var paused = PausedWorkingDays(complaintCase, today, calendar, since: current.AgreedOn);
        return calendar.AddWorkingDays(current.DueBy, paused);
    }

    /// <summary>
    /// Reg 14: six months from receipt, or a later response date agreed before those six months ran out. After it,
    /// if no response has gone, the complainant is owed a letter explaining why.
    /// </summary>
    public static DateOnly Backstop(ComplaintCase complaintCase)
    {
        var sixMonths = complaintCase.ReceivedOn.AddMonths(6);
        var agreedLater = complaintCase.Agreements.Where(a => a.AgreedOn <= sixMonths && a.DueBy > sixMonths).Select(a => a.DueBy);
        return agreedLater.DefaultIfEmpty(sixMonths).Max();
    }

    /// <summary>When the next update is due: the agreed number of working days after the last update (or the agreement).</summary>
    public static DateOnly? NextUpdateDue(ComplaintCase complaintCase, WorkingDayCalendar calendar)
    {
        if (complaintCase.UpdateEveryWorkingDays is not { } every || complaintCase.UpdateFrequencyAgreedOn is not { } agreedOn)
        {
            return null;
        }
        var last = complaintCase.Contacts.Where(c => c.IsUpdate).Select(c => c.On).Append(agreedOn).Max();
        return calendar.AddWorkingDays(last, every);
    }

    /// <summary>Every deadline of the case, with whether it was met.</summary>
    public static IReadOnlyList<Deadline> Deadlines(ComplaintCase c, DateOnly today, WorkingDayCalendar calendar)
    {
        var deadlines = new List<Deadline>
        {
            new(DeadlineKind.Acknowledgement, c.AcknowledgementDueBy, c.AcknowledgedOn <= c.AcknowledgementDueBy, c.AcknowledgedOn is not null || !c.IsOpen),
        };
        var sent = c.FinalResponseSentOn;
        if (c.EarlyResolutionDueBy is { } earlyBy && c.EarlyResolutionStartedOn is not null)
        {
            // Early resolution ends with a response, or with escalation to a closer look.
            var escalated = c.CloserLookStartedOn is not null;
            deadlines.Add(new(DeadlineKind.EarlyResolution, earlyBy, !escalated && sent <= earlyBy, escalated || sent is not null || !c.IsOpen));
        }
        if (ResponseDueBy(c, today, calendar) is { } responseBy)
        {
            // While the clock is paused the response is not late: its date moves on day by day.
            deadlines.Add(new(DeadlineKind.Response, responseBy, sent <= responseBy, sent is not null || !c.IsOpen || c.IsPaused));
        }
        if (NextUpdateDue(c, calendar) is { } updateBy)
        {
            deadlines.Add(new(DeadlineKind.Update, updateBy, true, !c.IsOpen));
        }
        var backstop = Backstop(c);
        deadlines.Add(new(DeadlineKind.Backstop, backstop, sent <= backstop, sent is not null || c.DelayLetterSentOn is not null || !c.IsOpen));
        return deadlines;
    }
}
