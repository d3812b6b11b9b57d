using IcsComplaints.Calendar;

namespace IcsComplaints.Intake.Domain.Rules;

/// <summary>
/// Reg 13(3): a complaint is acknowledged not later than three working days after the day it is received, orally or in
/// writing. Intake tells the complainant so while the organisation handling it has not yet acknowledged it.
/// </summary>
public static class AcknowledgementDeadline
{
    /// <summary>Working days after the day received within which a complaint is acknowledged (Reg 13(3)).</summary>
    public const int WorkingDays = 3;

    /// <summary>The last day a complaint received on <paramref name="receivedOn"/> can be acknowledged in time.</summary>
    public static DateOnly LastDay(DateOnly receivedOn, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.AddWorkingDays(receivedOn, WorkingDays);
    }
}
