// ReportingPeriods: months, calendar quarters and years, and the NHS financial year from 1 April to 31 March that KO41 and the Reg 18 annual report cover (domain.md §3.1, §2 Reg 18).
using System.Globalization;
using System.Text.RegularExpressions;
using IcsComplaints.Reporting.Domain.Measures;
using IcsComplaints.Validation;

namespace IcsComplaints.Reporting.Domain.Rules;

/// <summary>
/// The periods figures are asked for: a month <c>yyyy-MM</c>, a calendar quarter <c>yyyy-Qn</c>, a calendar year
/// <c>yyyy</c>, a financial year <c>yyyy/yy</c> (April to March), which is also the year of a KO41 return and of
/// an annual report, or a run of whole months <c>yyyy-MM..yyyy-MM</c> (the last twelve complete months an ICB
/// reviews each month, which no calendar or financial period gives).
/// </summary>
public static partial class ReportingPeriods
{
    /// <summary>The first financial year a return or an annual report can be asked for: the KO41a of today's shape began in 2015/16.</summary>
    public const int FirstReturnYear = 2015;

    /// <summary>The financial year (April to March) that starts in <paramref name="year"/>.</summary>
    public static ReportingPeriod FinancialYear(int year) => new($"{year}/{(year + 1) % 100:00}", new DateOnly(year, 4, 1), new DateOnly(year + 1, 3, 31));

    /// <summary>The financial year asked for by its first calendar year (2025 for 2025/26), or a field error.</summary>
    public static ReportingPeriod FinancialYear(int? year, string field = "year") => year is >= FirstReturnYear and <= 2100
        ? FinancialYear(year.Value)
        : throw new RequestValidationException(field, "Give the financial year by its first calendar year: 2025 for 2025/26.");

    /// <summary>A calendar month.</summary>
    public static ReportingPeriod Month(DateOnly first) =>
        new(first.ToString("yyyy-MM", CultureInfo.InvariantCulture), new DateOnly(first.Year, first.Month, 1), new DateOnly(first.Year, first.Month, 1).AddMonths(1).AddDays(-1));

    /// <summary>The most months a run of months may cover: ten years, as far back as a trend goes.</summary>
    public const int MostMonths = 120;

    /// <summary>
    /// The whole months from the month <paramref name="from"/> to the month <paramref name="to"/> (both <c>yyyy-MM</c>,
    /// inclusive), labelled <c>from..to</c>; a field error names the end that is wrong.
    /// </summary>
    public static ReportingPeriod Months(string? from, string? to, string fromField = "from", string toField = "to")
    {
        var first = MonthOf(from, fromField);
        var last = MonthOf(to, toField);
        if (last.From < first.From)
        {
            throw new RequestValidationException(toField, "The last month must be the same as or after the first month.");
        }
        if (((last.From.Year - first.From.Year) * 12) + last.From.Month - first.From.Month + 1 > MostMonths)
        {
            throw new RequestValidationException(toField, $"Give at most {MostMonths} months.");
        }
        return new($"{first.Label}..{last.Label}", first.From, last.To);
    }

    /// <summary>Reads a period: a month <c>yyyy-MM</c>, a calendar quarter <c>yyyy-Qn</c>, a calendar year <c>yyyy</c>, a financial year <c>yyyy/yy</c> or months <c>yyyy-MM..yyyy-MM</c>.</summary>
    public static ReportingPeriod Parse(string? text, string field = "period")
    {
        var value = text?.Trim() ?? "";
        if (value.Split("..") is [var from, var to])
        {
            return Months(from, to, field, field);
        }
        var match = Shape().Match(value);
        if (!match.Success)
        {
            throw new RequestValidationException(field, "Give a month (2026-11), a quarter (2026-Q3), a year (2026), a financial year (2026/27) or months (2025-12..2026-11).");
        }
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (year is < 2000 or > 2100)
        {
            throw new RequestValidationException(field, "The year is out of range.");
        }
        if (match.Groups["quarter"].Success)
        {
            var first = new DateOnly(year, ((int.Parse(match.Groups["quarter"].Value, CultureInfo.InvariantCulture) - 1) * 3) + 1, 1);
            return new(value, first, first.AddMonths(3).AddDays(-1));
        }
        if (match.Groups["fy"].Success)
        {
            if (int.Parse(match.Groups["fy"].Value, CultureInfo.InvariantCulture) != (year + 1) % 100)
            {
                throw new RequestValidationException(field, "A financial year runs into the next year: 2026/27.");
            }
            return FinancialYear(year);
        }
        if (match.Groups["month"].Success)
        {
            var month = int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture);
            return month is >= 1 and <= 12
                ? Month(new DateOnly(year, month, 1))
                : throw new RequestValidationException(field, "The month is 01 to 12.");
        }
        return new(value, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
    }

    private static ReportingPeriod MonthOf(string? text, string field)
    {
        var value = text?.Trim() ?? "";
        var match = Shape().Match(value);
        return match.Success && match.Groups["month"].Success
            ? Parse(value, field)
            : throw new RequestValidationException(field, "Give a month as year and month: 2026-11.");
    }

    [GeneratedRegex(@"^(?<year>\d{4})(?:-Q(?<quarter>[1-4])|/(?<fy>\d{2})|-(?<month>\d{2}))?$")]
    private static partial Regex Shape();
}
