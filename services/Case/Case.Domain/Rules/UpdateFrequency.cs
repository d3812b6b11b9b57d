using IcsComplaints.Calendar;
using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Validation;

namespace IcsComplaints.Case.Domain.Rules;

/// <summary>
/// Reg 14 (keep the complainant informed) and My Expectations ("updates before the outcome"): updates at a frequency
/// agreed with the complainant, of 1 to 60 working days, each due that many working days after the last.
/// </summary>
public static class UpdateFrequency
{
    /// <summary>Most frequent: every working day.</summary>
    public const int MinWorkingDays = 1;

    /// <summary>Least frequent: about every three months.</summary>
    public const int MaxWorkingDays = 60;

    /// <summary>Why an agreement without a frequency is refused.</summary>
    public const string Missing = "Give the number of working days between updates.";

    /// <summary>Refuses a frequency outside the range.</summary>
    public static void EnsureWithinRange(int everyWorkingDays)
    {
        if (everyWorkingDays is < MinWorkingDays or > MaxWorkingDays)
        {
            throw new RequestValidationException("everyWorkingDays", $"Agree updates every {MinWorkingDays} to {MaxWorkingDays} working days.");
        }
    }

    /// <summary>When the next update is due: the agreed number of working days after the last update (or the agreement); <c>null</c> until agreed.</summary>
    public static DateOnly? NextDue(ComplaintCase complaintCase, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(complaintCase);
        ArgumentNullException.ThrowIfNull(calendar);
        if (complaintCase.UpdateEveryWorkingDays is not { } every || complaintCase.UpdateFrequencyAgreedOn is not { } agreedOn)
        {
            return null;
        }
        var last = complaintCase.Contacts.Where(c => c.IsUpdate).Select(c => c.On).Append(agreedOn).Max();
        return calendar.AddWorkingDays(last, every);
    }

    /// <summary>
    /// The day of the update the complainant is owed and has not had, when one is owed on <paramref name="today"/>:
    /// nobody gave one by its day, so the platform writes it, so that a busy week never breaks the promise.
    /// </summary>
    public static DateOnly? ScheduledUpdateOwed(ComplaintCase complaintCase, DateOnly today, WorkingDayCalendar calendar) =>
        complaintCase is { IsOpen: true } && NextDue(complaintCase, calendar) is { } due && due <= today ? due : null;
}
