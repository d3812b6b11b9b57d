using IcsComplaints.Calendar;

namespace IcsComplaints.Nhs.Rules;

/// <summary>
/// Reg 13(2)–(3): a complaint is acknowledged no later than the third working day after the day it is received,
/// and the acknowledgement offers to discuss how the complaint will be handled and the response period. The case
/// service runs this deadline; intake quotes it to the complainant until the case is acknowledged, so it lives here, once.
/// </summary>
public static class AcknowledgementDeadline
{
    /// <summary>Working days allowed, counted from the day after receipt.</summary>
    public const int WorkingDays = 3;

    /// <summary>Why an acknowledgement without the offer to discuss is refused.</summary>
    public const string DiscussionOfferMissing =
        "The acknowledgement offers to discuss how the complaint will be handled and the response period (Reg 13).";

    /// <summary>The last day to acknowledge a complaint received on <paramref name="receivedOn"/>.</summary>
    public static DateOnly DueBy(DateOnly receivedOn, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.AddWorkingDays(receivedOn, WorkingDays);
    }

    /// <summary>True when the acknowledgement was sent by its due date.</summary>
    public static bool InTime(DateOnly acknowledgedOn, DateOnly dueBy) => acknowledgedOn <= dueBy;
}
