using System.Text.Json.Nodes;
using IcsComplaints.DemoSeed;

namespace IcsComplaints.Deployment.Tests;

/// <summary>
/// The dates of the demo fixture (<see cref="DemoDates"/>): relative to the day it is seeded, and a response date
/// moved to the first working day on or after the one written, which may lie ahead.
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
}
