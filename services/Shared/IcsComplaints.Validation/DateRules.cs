using System.Globalization;
using IcsComplaints.Calendar;

namespace IcsComplaints.Validation;

/// <summary>
/// The one rule for dates people give: an ISO 8601 calendar date (YYYY-MM-DD) inside a stated range. Dates in a
/// complaint's life (received, consent, letters, decisions, actions due) fall within the years the working-day
/// calendar covers, because every deadline is counted on it; dates of birth from 1900. Outside a range a date is
/// refused with the range in the message: PostgreSQL would otherwise store 0001-01-01 as <c>-infinity</c> and
/// 9999-12-31 as <c>infinity</c>, and the calendar would fail on it.
/// </summary>
public static class DateRules
{
    private static readonly BankHolidays Calendar = BankHolidays.Embedded();

    /// <summary>The earliest date of birth accepted.</summary>
    public static readonly DateOnly EarliestBirth = new(1900, 1, 1);

    /// <summary>The first day of the working-day calendar: the earliest date in a complaint's life.</summary>
    public static DateOnly FirstCalendarDay { get; } = new(Calendar.FirstYear, 1, 1);

    /// <summary>The last day of the working-day calendar: the latest date anything may be due.</summary>
    public static DateOnly LastCalendarDay { get; } = new(Calendar.LastYear, 12, 31);

    /// <summary>
    /// The date given, or <c>null</c> when none was (recording <paramref name="required"/> as the error then, if given)
    /// or when it is not a date from <paramref name="earliest"/> to <paramref name="latest"/> (recording why).
    /// </summary>
    public static DateOnly? Read(string? value, string field, ValidationErrors errors, DateOnly earliest, DateOnly latest, string? required = null)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required is not null)
            {
                errors.Add(field, required);
            }
            return null;
        }
        if (!DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add(field, "Give the date as YYYY-MM-DD.");
            return null;
        }
        return Within(date, field, errors, earliest, latest) ? date : null;
    }

    /// <summary>A date in a complaint's life: within the calendar, and not after <paramref name="today"/> unless <paramref name="allowFuture"/>.</summary>
    public static DateOnly? ReadInCalendar(string? value, string field, ValidationErrors errors, DateOnly today, bool allowFuture = false, string? required = null) =>
        Read(value, field, errors, FirstCalendarDay, allowFuture ? LastCalendarDay : Min(today, LastCalendarDay), required);

    /// <summary>True when an already typed date lies in the range; otherwise records why.</summary>
    public static bool Within(DateOnly date, string field, ValidationErrors errors, DateOnly earliest, DateOnly latest)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (date < earliest || date > latest)
        {
            errors.Add(field, date > latest && latest < LastCalendarDay
                ? $"The date cannot be after {Iso(latest)}."
                : $"Give a date from {Iso(earliest)} to {Iso(latest)}.");
            return false;
        }
        return true;
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
