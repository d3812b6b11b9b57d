using System.Text.Json.Nodes;
using IcsComplaints.DemoSeed;

namespace IcsComplaints.Deployment.Tests;

/// <summary>
/// The dates of the demo fixture (<see cref="DemoDates"/>): relative to the day it is seeded or to a day of a month
/// before it, and a response date moved to the first working day on or after the one written, which may lie ahead.
/// </summary>
public sealed class DemoDatesTests
{
    // A Monday after the Christmas bank holidays of 2026 (Friday 25 and Monday 28 December).
    private static readonly DateOnly Today = new(2027, 1, 4);

    [Theory]
    [InlineData("{today}", "2027-01-04")]
    [InlineData("{today-2}", "2027-01-02")] // a Saturday stays a Saturday
    [InlineData("{workday-2}", "2027-01-04")] // Saturday: the Monday after
    [InlineData("{workday-10}", "2026-12-29")] // Christmas Day: past the weekend and Boxing Day's substitute
    [InlineData("{workday+4}", "2027-01-08")] // a Friday ahead
    [InlineData("{workday+5}", "2027-01-11")]
    [InlineData("{month-0/3}", "2027-01-03")] // day 3 of this month
    [InlineData("{month-1/28+4}", "2027-01-01")] // day 28 of December, 4 days on
    [InlineData("{workday:month-1/28+4}", "2027-01-04")] // New Year's Day: the Monday after
    [InlineData("{month-11/15}", "2026-02-15")]
    public void APlaceholder_IsTheDayItNames_AResponseDateAWorkingDay(string written, string filled)
    {
        var body = DemoDates.Fill(new JsonObject { ["on"] = written }, Today);

        Assert.Equal(filled, body["on"]!.GetValue<string>());
    }

    [Fact]
    public void OnlyAResponseDateMayLieAhead()
    {
        Assert.Equal("{workday+3}", DemoDates.WorkingDayFrom(-3));
        Assert.Equal("{workday-3}", DemoDates.WorkingDayFrom(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => DemoDates.DaysAgo(-1));
        Assert.Throws<InvalidDataException>(() => DemoDates.Fill(new JsonObject { ["on"] = "{today+1}" }, Today));
    }

    [Theory]
    [InlineData("{month-1/29}")] // not every month has a 29th
    [InlineData("{month-1/0}")]
    [InlineData("{month-1/3-2}")]
    [InlineData("{workday:month-1}")]
    public void ADayOfAMonth_IsOneEveryMonthHas(string written)
    {
        Assert.Throws<InvalidDataException>(() => DemoDates.Fill(new JsonObject { ["on"] = written }, Today));
    }

    [Fact]
    public void ADayOfTheCurrentMonthStillAhead_HasNotHappenedYet()
    {
        Assert.True(DemoDates.HasHappenedBy(DemoDates.InMonth(0, 4), Today));
        Assert.False(DemoDates.HasHappenedBy(DemoDates.InMonth(0, 5), Today));
        Assert.False(DemoDates.HasHappenedBy(DemoDates.InMonth(1, 28, 8), Today));
        Assert.True(DemoDates.HasHappenedBy(null, Today));
    }
}
