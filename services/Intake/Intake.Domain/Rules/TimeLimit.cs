using IcsComplaints.Intake.Domain.Complaints;
using IcsComplaints.Validation;

namespace IcsComplaints.Intake.Domain.Rules;

/// <summary>
/// Reg 12: a complaint is made within 12 months of the events, or of their coming to the complainant's notice if that
/// is later; a later complaint is considered only if the complainant had good reason for the delay and it can still
/// be investigated effectively and fairly (Reg 12(4)). Until that is decided, it goes no further.
/// </summary>
public static class TimeLimit
{
    /// <summary>The time limit, in months (Reg 12(1)).</summary>
    public const int Months = 12;

    /// <summary>
    /// The last day a complaint is in time: 12 months after the later of the event and the day it came to the
    /// complainant's notice (Reg 12(1)); the day itself is in time.
    /// </summary>
    public static DateOnly LastDayInTime(DateOnly? eventDate, DateOnly? awareDate)
    {
        var later = (eventDate, awareDate) switch
        {
            ({ } e, { } a) => e > a ? e : a,
            ({ } e, null) => e,
            (null, { } a) => a,
            _ => throw new ArgumentException("Give at least one date."),
        };
        return later.AddMonths(Months);
    }

    /// <summary>True when received after the last day in time; without dates nothing is out of time.</summary>
    public static bool IsOutOfTime(DateOnly receivedOn, DateOnly? eventDate, DateOnly? awareDate) =>
        (eventDate is not null || awareDate is not null) && receivedOn > LastDayInTime(eventDate, awareDate);

    /// <summary>True while an out-of-time complaint waits for the decision whether to consider it (Reg 12(4)).</summary>
    public static bool AwaitsDecision(Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        return complaint.OutOfTime && complaint.TimeLimitDecision is null;
    }

    /// <summary>The dates the limit is counted from must be possible: not after the complaint, awareness not before the events.</summary>
    public static void CheckDates(FieldReader fields, DateOnly? eventDate, DateOnly? awareDate, DateOnly receivedOn)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (eventDate is { } e && (e > receivedOn || e.Year < 1900))
        {
            fields.Add("eventDate", "The events complained about must be on or before the date received.");
        }
        if (awareDate is { } a && (a > receivedOn || a.Year < 1900))
        {
            fields.Add("awareDate", "The date the complainant became aware must be on or before the date received.");
        }
        if (eventDate is { } ev && awareDate is { } aw && aw < ev)
        {
            fields.Add("awareDate", "Nobody can become aware of events before they happen: give a date on or after the event date.");
        }
    }

    /// <summary>
    /// Reads the decision on a late complaint (Reg 12(4)): considered only with the complainant's good reason and a fair
    /// investigation still possible; declined with a letter explaining why. <c>null</c> when a field is wrong.
    /// </summary>
    public static LateComplaintDecision? ReadDecision(
        FieldReader fields, string? decision, string? goodReason, bool? fairInvestigationPossible, string? letterSentOn, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var decided = fields.Enum<TimeLimitDecision>(decision, "decision", required: "Say Considered or Declined.");
        // Reg 12(4): the complainant had good reason for the delay and it is still possible to investigate effectively and fairly.
        var reason = fields.Text(goodReason, "goodReason", TextLimits.Note,
            decided == TimeLimitDecision.Considered ? $"Record the complainant's good reason for not complaining within {Months} months (Reg 12(4)(a))." : null);
        if (decided == TimeLimitDecision.Considered && fairInvestigationPossible != true)
        {
            fields.Add("fairInvestigationPossible", "A late complaint is considered only if it can still be investigated effectively and fairly (Reg 12(4)(b)).");
        }
        DateOnly? letter = null;
        if (decided == TimeLimitDecision.Declined)
        {
            letter = fields.DateInCalendar(letterSentOn, "letterSentOn", today, required: "Record when the letter explaining the decision went.");
        }
        return decided is { } d && fields.Errors.IsEmpty ? new LateComplaintDecision(d, reason, letter) : null;
    }
}
