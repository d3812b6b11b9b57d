namespace IcsComplaints.Calendar;

/// <summary>
/// Working days in England: Monday to Friday, excluding England and Wales bank holidays. The 2009 Regulations
/// count their deadlines in working days (acknowledgement by the third working day after receipt, Reg 13(3))
/// without defining the term; this follows the usual reading, which excludes weekends, Christmas Day, Good
/// Friday and bank holidays (domain.md §1.6, §2).
/// </summary>
public sealed class WorkingDayCalendar(BankHolidays bankHolidays)
{
    /// <summary>The bank holidays in use.</summary>
    public BankHolidays BankHolidays { get; } = bankHolidays;

    /// <summary>True for a weekday that is not a bank holiday.</summary>
    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !BankHolidays.IsBankHoliday(date);

    /// <summary>
    /// The <paramref name="workingDays"/>-th working day after <paramref name="date"/> (the day itself is not
    /// counted, whether or not it is a working day). <c>AddWorkingDays(receivedOn, 3)</c> is the acknowledgement
    /// deadline of Reg 13(3).
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly date, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var day = date;
        for (var counted = 0; counted < workingDays;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }
        return day;
    }

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/>; negative when <paramref name="to"/> is earlier.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -WorkingDaysBetween(to, from);
        }
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }
        return count;
    }
}

/// <summary>Calendar dates in Europe/London, the time zone every rule date in this system is in.</summary>
public static class LondonTime
{
    /// <summary>The Europe/London time zone (GMT in winter, BST in summer).</summary>
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>Today's date in London.</summary>
    public static DateOnly Today(TimeProvider time) => DateOf(time.GetUtcNow());

    /// <summary>The London calendar date of an instant.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);
}
