using IcsComplaints.Calendar;
using IcsComplaints.Case.Domain.Rules;
using IcsComplaints.Nhs.Rules;

namespace IcsComplaints.Case.Domain.Cases;

/// <summary>The deadlines a case keeps.</summary>
public enum DeadlineKind
{
    /// <summary>Acknowledgement by the third working day after receipt (<see cref="AcknowledgementDeadline"/>).</summary>
    Acknowledgement = 1,

    /// <summary>The organisation's early-resolution target, counted from receipt (<see cref="EarlyResolutionTarget"/>).</summary>
    EarlyResolution = 2,

    /// <summary>The response date agreed with the complainant, moved on by the time the clock was paused (<see cref="ResponseDateRenegotiation"/>, <see cref="ClockPausing"/>).</summary>
    Response = 3,

    /// <summary>The next update to the complainant, at the agreed frequency (<see cref="UpdateFrequency"/>).</summary>
    Update = 4,

    /// <summary>Six months from receipt, or a later date agreed before then: after it, a letter explaining the delay is owed (<see cref="SixMonthBackstop"/>).</summary>
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
/// The working-day clock of a case: every deadline it keeps, each computed by its rule, and the response date in
/// force. Deadlines are computed, never stored.
/// </summary>
public static class CaseClock
{
    /// <summary>
    /// The response date in force: the last one agreed, moved on by the working days paused since it was agreed;
    /// <c>null</c> until a date is agreed.
    /// </summary>
    public static DateOnly? ResponseDueBy(ComplaintCase complaintCase, DateOnly today, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(complaintCase);
        if (ResponseDateRenegotiation.Current(complaintCase.Agreements) is not { } current)
        {
            return null;
        }
        var paused = ClockPausing.PausedWorkingDays(complaintCase, today, calendar, since: current.AgreedOn);
        return ClockPausing.MoveOn(current.DueBy, paused, calendar);
    }

    /// <summary>Every deadline of the case, with whether it was met.</summary>
    public static IReadOnlyList<Deadline> Deadlines(ComplaintCase c, DateOnly today, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(c);
        var deadlines = new List<Deadline>
        {
            new(DeadlineKind.Acknowledgement, c.AcknowledgementDueBy,
                c.AcknowledgedOn is { } acknowledgedOn && AcknowledgementDeadline.InTime(acknowledgedOn, c.AcknowledgementDueBy), c.AcknowledgedOn is not null || !c.IsOpen),
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
        if (UpdateFrequency.NextDue(c, calendar) is { } updateBy)
        {
            deadlines.Add(new(DeadlineKind.Update, updateBy, true, !c.IsOpen));
        }
        var backstop = SixMonthBackstop.For(c);
        deadlines.Add(new(DeadlineKind.Backstop, backstop, sent is { } sentOn && SixMonthBackstop.Met(sentOn, backstop), sent is not null || c.DelayLetterSentOn is not null || !c.IsOpen));
        return deadlines;
    }
}
