using IcsComplaints.Calendar;
using IcsComplaints.Intake.Domain.Complaints;
using IcsComplaints.Intake.Domain.Concerns;
using IcsComplaints.Validation;

namespace IcsComplaints.Intake.Domain.Rules;

/// <summary>
/// Reg 8(1)(c): an oral complaint resolved to the complainant's satisfaction not later than the next working day after
/// the day it was made is not a complaint under the Regulations; it is recorded as an informal concern instead. One
/// resolved later is a complaint, and is recorded as one.
/// </summary>
public static class OralComplaintResolvedNextWorkingDay
{
    /// <summary>The last day an oral complaint made on <paramref name="madeOn"/> can be resolved and stay outside the Regulations.</summary>
    public static DateOnly LastDay(DateOnly madeOn, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.AddWorkingDays(madeOn, 1);
    }

    /// <summary>Checks a concern recorded as a resolved oral complaint: made orally, and resolved by the next working day.</summary>
    public static void Check(
        FieldReader fields, InformalConcernKind? kind, ComplaintChannel? channel, DateOnly receivedOn, DateOnly resolvedOn, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (kind != InformalConcernKind.OralComplaintResolved)
        {
            return;
        }
        if (channel is { } made && !made.IsOral())
        {
            fields.Add("channel", "An oral complaint is made by phone, in person or through PALS (Reg 8(1)(c)).");
        }
        var lastDay = LastDay(receivedOn, calendar);
        if (resolvedOn > lastDay)
        {
            fields.Add("resolvedOn", $"Resolved after {lastDay:yyyy-MM-dd}, the next working day: this is a complaint under the Regulations. Record it at POST /api/v1/complaints (Reg 8(1)(c)).");
        }
    }
}
