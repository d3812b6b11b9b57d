using IcsComplaints.Calendar;

namespace IcsComplaints.UnitTests;

/// <summary>
/// Reg 13(3): the acknowledgement is due no later than the third working day after the day the complaint is
/// received. Working days exclude weekends and England and Wales bank holidays, substitute days included.
/// </summary>
public sealed class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Calendar = new(BankHolidays.Embedded());

    [Theory]
    [InlineData("2026-11-23", "2026-11-26", "received Monday: due Thursday")]
    [InlineData("2026-11-27", "2026-12-02", "received Friday: due Wednesday")]
    [InlineData("2026-11-28", "2026-12-02", "received Saturday: the weekend does not count")]
    [InlineData("2026-11-29", "2026-12-02", "received Sunday: the weekend does not count")]
    [InlineData("2026-12-23", "2026-12-30", "Christmas 2026 on Friday, Boxing Day substitute Monday 28th")]
    [InlineData("2026-12-24", "2026-12-31", "Christmas Eve is a working day; 25th and 28th are not")]
    [InlineData("2021-12-24", "2021-12-31", "Christmas 2021 on Saturday: substitute days Monday 27th and Tuesday 28th")]
    [InlineData("2022-12-23", "2022-12-30", "Christmas 2022 on Sunday: Boxing Day Monday 26th, Christmas substitute Tuesday 27th")]
    [InlineData("2022-12-30", "2023-01-05", "New Year's Day 2023 on Sunday: substitute Monday 2 January")]
    [InlineData("2025-04-17", "2025-04-24", "Easter 2025: Good Friday 18th and Easter Monday 21st")]
    [InlineData("2026-04-01", "2026-04-08", "Easter 2026: Good Friday 3rd and Easter Monday 6th")]
    [InlineData("2020-05-07", "2020-05-13", "VE Day 2020: the early May bank holiday moved to Friday 8 May")]
    [InlineData("2020-05-01", "2020-05-06", "2020: Monday 4 May was a working day, the holiday having moved")]
    [InlineData("2022-06-01", "2022-06-08", "Platinum Jubilee 2022: Thursday 2 and Friday 3 June")]
    [InlineData("2022-05-27", "2022-06-01", "2022: Monday 30 May was a working day, the spring holiday having moved")]
    [InlineData("2022-09-16", "2022-09-22", "State Funeral of Queen Elizabeth II: Monday 19 September 2022")]
    [InlineData("2023-05-05", "2023-05-11", "Coronation of King Charles III: Monday 8 May 2023")]
    [InlineData("2015-12-24", "2015-12-31", "Boxing Day 2015 on Saturday: substitute Monday 28th")]
    public void AcknowledgementDue_IsTheThirdWorkingDayAfterReceipt_Reg13(string receivedOn, string expectedDue, string because)
    {
        var due = Calendar.AddWorkingDays(DateOnly.Parse(receivedOn), 3);

        Assert.True(DateOnly.Parse(expectedDue) == due, $"{because}: expected {expectedDue}, got {due:yyyy-MM-dd}");
    }

    [Fact]
    public void BankHolidayFile_CoversEveryYearFrom2015To2035_WithTheOneOffDays()
    {
        var holidays = Calendar.BankHolidays;

        Assert.Equal(2015, holidays.FirstYear);
        Assert.Equal(2035, holidays.LastYear);
        foreach (var oneOff in new[] { "2020-05-08", "2022-06-02", "2022-06-03", "2022-09-19", "2023-05-08" })
        {
            Assert.True(holidays.IsBankHoliday(DateOnly.Parse(oneOff)), oneOff);
        }
        Assert.False(holidays.IsBankHoliday(new DateOnly(2020, 5, 4)));
        Assert.False(holidays.IsBankHoliday(new DateOnly(2022, 5, 30)));
    }

    [Fact]
    public void BankHolidays_NeverFallOnAWeekend_BecauseSubstituteDaysReplaceThem()
    {
        for (var day = new DateOnly(2015, 1, 1); day <= new DateOnly(2035, 12, 31); day = day.AddDays(1))
        {
            if (Calendar.BankHolidays.IsBankHoliday(day))
            {
                Assert.False(day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday, $"{day:yyyy-MM-dd} is a weekend bank holiday");
            }
        }
    }

    [Fact]
    public void AddWorkingDays_AlwaysLandsOnAWorkingDay_AndCountsBackExactly()
    {
        // Exhaustive over the calendar rather than sampled: every start date, offsets 1 to 10.
        for (var day = new DateOnly(2015, 1, 1); day <= new DateOnly(2035, 12, 10); day = day.AddDays(1))
        {
            for (var n = 1; n <= 10; n++)
            {
                var due = Calendar.AddWorkingDays(day, n);

                Assert.True(Calendar.IsWorkingDay(due));
                Assert.Equal(n, Calendar.WorkingDaysBetween(day, due));
                Assert.Equal(n - 1, Calendar.WorkingDaysBetween(day, due.AddDays(-1)));
            }
        }
    }

    [Fact]
    public void AddWorkingDays_WithZero_ReturnsTheSameDay()
    {
        Assert.Equal(new DateOnly(2026, 12, 25), Calendar.AddWorkingDays(new DateOnly(2026, 12, 25), 0));
    }

    [Fact]
    public void DatesOutsideTheBankHolidayFile_AreRefused_RatherThanGuessed()
    {
        Assert.Throws<CalendarCoverageException>(() => Calendar.AddWorkingDays(new DateOnly(2035, 12, 28), 3));
        Assert.Throws<CalendarCoverageException>(() => Calendar.IsWorkingDay(new DateOnly(2014, 12, 31)));
    }

    [Theory]
    [InlineData("2026-06-30T23:30:00Z", "2026-07-01", "British Summer Time: 00:30 in London is already the next day")]
    [InlineData("2026-12-31T23:30:00Z", "2026-12-31", "Greenwich Mean Time in winter")]
    [InlineData("2026-03-29T00:30:00Z", "2026-03-29", "the night the clocks go forward")]
    public void LondonTime_GivesTheCalendarDateInLondon(string instant, string expected, string because)
    {
        var date = LondonTime.DateOf(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(DateOnly.Parse(expected) == date, because);
    }
}
