using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IcsComplaints.Calendar;

namespace IcsComplaints.DemoSeed;

/// <summary>
/// The dates of a fixture, written relative to the day it is seeded (<c>{today}</c>, <c>{today-N}</c>: N days
/// before), so the demo always shows a recent past whatever day <c>./ics up</c> runs. <c>{workday-N}</c> and
/// <c>{workday+N}</c> are the first working day on or after N days before or after it: a response date is a working
/// day (Reg 13(7), <c>ResponseDateRenegotiation</c>), which ones depends on the day of seeding, and it is the one date
/// that may lie ahead; every other step happened on a day already past.
/// </summary>
/// <remarks>
/// The generated year is written against calendar months instead: <c>{month-K/D}</c> is day D (1 to 28) of the month
/// K months before the seeding day's, <c>{month-K/D+N}</c> N days after that, and <c>{workday:month-K/D+N}</c> the
/// first working day on or after it. A month's complaints and everything that happened to them before the current
/// month are then the same whichever day of whichever month the demo is seeded, so the figures the README gives for
/// the last twelve complete months can be reproduced (<see cref="DemoYear"/>).
/// </remarks>
public static partial class DemoDates
{
    private static readonly WorkingDayCalendar Calendar = new(BankHolidays.Embedded());

    /// <summary>The placeholder for the day <paramref name="daysBefore"/> days before the seeding day.</summary>
    public static string DaysAgo(int daysBefore) => daysBefore >= 0
        ? Placeholder("today", daysBefore)
        : throw new ArgumentOutOfRangeException(nameof(daysBefore), daysBefore, "A step of the fixture happened on a day already past.");

    /// <summary>The placeholder for the first working day on or after the day <paramref name="daysBefore"/> days before the seeding day (after it, when negative).</summary>
    public static string WorkingDayFrom(int daysBefore) => Placeholder("workday", daysBefore);

    /// <summary>The placeholder for day <paramref name="day"/> (1 to 28, so that every month has it) of the month <paramref name="monthsBack"/> months before the seeding day's, <paramref name="plusDays"/> days on.</summary>
    public static string InMonth(int monthsBack, int day, int plusDays = 0) => MonthPlaceholder("", monthsBack, day, plusDays);

    /// <summary>The placeholder for the first working day on or after <see cref="InMonth"/>'s day.</summary>
    public static string WorkingDayInMonth(int monthsBack, int day, int plusDays) => MonthPlaceholder("workday:", monthsBack, day, plusDays);

    private static string MonthPlaceholder(string prefix, int monthsBack, int day, int plusDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(monthsBack);
        ArgumentOutOfRangeException.ThrowIfNegative(plusDays);
        ArgumentOutOfRangeException.ThrowIfLessThan(day, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(day, 28);
        var on = plusDays == 0 ? "" : "+" + plusDays.ToString(CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"{{{prefix}month-{monthsBack}/{day}{on}}}");
    }

    private static string Placeholder(string word, int daysBefore) => daysBefore switch
    {
        0 => $"{{{word}}}",
        > 0 => $"{{{word}-{daysBefore.ToString(CultureInfo.InvariantCulture)}}}",
        _ => $"{{{word}+{(-daysBefore).ToString(CultureInfo.InvariantCulture)}}}",
    };

    /// <summary>A copy of <paramref name="node"/> with every placeholder replaced by its date for <paramref name="today"/>.</summary>
    public static JsonObject Fill(JsonObject node, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(node);
        var copy = (JsonObject)node.DeepClone();
        FillIn(copy, today);
        return copy;
    }

    /// <summary>True unless <paramref name="date"/>, a placeholder or a date, falls after <paramref name="today"/>; true when there is none.</summary>
    public static bool HasHappenedBy(JsonNode? date, DateOnly today)
    {
        if (date is null)
        {
            return true;
        }
        var filled = Fill(new JsonObject { ["on"] = date.DeepClone() }, today)["on"]?.GetValue<string>();
        return filled is null || DateOnly.ParseExact(filled, "yyyy-MM-dd", CultureInfo.InvariantCulture) <= today;
    }

    // Replaces the placeholders inside a node in place; for a placeholder itself, returns the date that replaces it.
    private static JsonValue? FillIn(JsonNode? node, DateOnly today)
    {
        switch (node)
        {
            case JsonObject map:
                foreach (var name in map.Select(p => p.Key).ToList())
                {
                    if (FillIn(map[name], today) is { } date)
                    {
                        map[name] = date;
                    }
                }
                return null;
            case JsonArray list:
                for (var i = 0; i < list.Count; i++)
                {
                    if (FillIn(list[i], today) is { } date)
                    {
                        list[i] = date;
                    }
                }
                return null;
            // Any text in braces is meant as a placeholder: a misspelt one must stop the run, not be sent as a date.
            case JsonValue value when value.TryGetValue<string>(out var text) && text.StartsWith('{') && text.EndsWith('}'):
                var match = RelativeDate().Match(text);
                if (!match.Success)
                {
                    throw new InvalidDataException($"\"{text}\" is not a date of the fixture: write {{today}}, {{today-N}}, {{month-K/D}} or {{month-K/D+N}} (D from 1 to 28), "
                        + "or for a response date {workday-N}, {workday+N} or {workday:month-K/D+N}.");
                }
                var days = match.Groups["days"].Success ? int.Parse(match.Groups["days"].Value, CultureInfo.InvariantCulture) : 0;
                var day = match.Groups["months"].Success
                    ? DayOfMonth(today, int.Parse(match.Groups["months"].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture), text).AddDays(days)
                    : today.AddDays(match.Groups["sign"].Value == "+" ? days : -days);
                while (match.Groups["workday"].Success && !IsWorkingDay(day))
                {
                    day = day.AddDays(1);
                }
                return JsonValue.Create(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            default:
                return null;
        }
    }

    private static DateOnly DayOfMonth(DateOnly today, int monthsBack, int day, string text) => day is >= 1 and <= 28
        ? new DateOnly(today.Year, today.Month, day).AddMonths(-monthsBack)
        : throw new InvalidDataException($"\"{text}\": a day of the month is from 1 to 28, which every month has.");

    // A fixture's placeholders are checked against a far-off day the bank holidays are not known for: its weekends still are.
    private static bool IsWorkingDay(DateOnly day) =>
        day.Year >= Calendar.BankHolidays.FirstYear && day.Year <= Calendar.BankHolidays.LastYear
            ? Calendar.IsWorkingDay(day)
            : day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    [GeneratedRegex(@"^\{(?:today(?:(?<sign>-)(?<days>\d{1,4}))?|(?<workday>workday)(?:(?<sign>[-+])(?<days>\d{1,4}))?|(?<workday>workday:)?month-(?<months>\d{1,2})/(?<day>\d{1,2})(?:\+(?<days>\d{1,4}))?)\}$")]
    private static partial Regex RelativeDate();
}
