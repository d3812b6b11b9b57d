using System.Globalization;
using IcsComplaints.Reporting.Domain.Rules;
using IcsComplaints.Validation;

namespace IcsComplaints.UnitTests;

/// <summary><see cref="ReportingPeriods"/>: months, quarters, calendar years and NHS financial years.</summary>
public sealed class ReportingPeriodsTests
{
    [Theory]
    [InlineData("2026-11", "2026-11-01", "2026-11-30")]
    [InlineData("2024-02", "2024-02-01", "2024-02-29")]
    [InlineData("2026-Q3", "2026-07-01", "2026-09-30")]
    [InlineData("2026", "2026-01-01", "2026-12-31")]
    [InlineData("2025/26", "2025-04-01", "2026-03-31")]
    [InlineData("2099/00", "2099-04-01", "2100-03-31")]
    [InlineData("2025-12..2026-11", "2025-12-01", "2026-11-30")]
    [InlineData("2026-02..2026-02", "2026-02-01", "2026-02-28")]
    public void Periods_AreMonthsQuartersYearsAndFinancialYears(string text, string from, string to)
    {
        var period = ReportingPeriods.Parse(text);

        Assert.Equal((DateOnly.Parse(from, CultureInfo.InvariantCulture), DateOnly.Parse(to, CultureInfo.InvariantCulture)), (period.From, period.To));
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-Q5")]
    [InlineData("2025/27")]
    [InlineData("26")]
    [InlineData("2026-11..2025-12")]
    [InlineData("2026..2027")]
    [InlineData("2026-11..")]
    [InlineData("")]
    public void AnUnreadablePeriod_IsAFieldError(string text) =>
        Assert.Contains("period", Assert.Throws<RequestValidationException>(() => ReportingPeriods.Parse(text)).Errors.Keys);

    [Fact]
    public void TheLastTwelveCompleteMonths_AreARunOfMonthsLabelledByItsEnds()
    {
        var period = ReportingPeriods.Months("2025-12", "2026-11");

        Assert.Equal(("2025-12..2026-11", new DateOnly(2025, 12, 1), new DateOnly(2026, 11, 30)), (period.Label, period.From, period.To));
    }

    [Theory]
    [InlineData("2026-13", "2026-11", "from")]
    [InlineData("", "2026-11", "from")]
    [InlineData("2026-Q1", "2026-11", "from")]
    [InlineData("2025-12", "11/2026", "to")]
    [InlineData("2026-11", "2026-10", "to")]
    [InlineData("2015-01", "2026-11", "to")]
    public void AWrongEndOfARunOfMonths_IsAnErrorOnThatField(string from, string to, string field) =>
        Assert.Equal([field], Assert.Throws<RequestValidationException>(() => ReportingPeriods.Months(from, to)).Errors.Keys);
}
