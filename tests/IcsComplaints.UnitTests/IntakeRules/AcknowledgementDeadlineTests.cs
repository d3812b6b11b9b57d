using IcsComplaints.Calendar;
using IcsComplaints.Intake.Domain.Complaints;
using IcsComplaints.Nhs.Rules;

namespace IcsComplaints.UnitTests.IntakeRules;

/// <summary>Reg 13(3): a complaint is acknowledged within three working days of the day received.</summary>
public sealed class AcknowledgementDeadlineTests
{
    private static readonly WorkingDayCalendar Calendar = new(BankHolidays.Embedded());

    [Theory]
    [InlineData("2026-11-16", "2026-11-19")] // Monday: Thursday
    [InlineData("2026-11-20", "2026-11-25")] // Friday: over the weekend
    [InlineData("2026-12-23", "2026-12-30")] // over Christmas Day and the substitute Boxing Day
    public void AComplaint_IsAcknowledgedWithinThreeWorkingDaysOfTheDayReceived(string received, string lastDay)
    {
        Assert.Equal(Day(lastDay), AcknowledgementDeadline.DueBy(Day(received), Calendar));
    }

    [Fact]
    public void TheComplainant_IsToldOfTheDeadlineWhileTheComplaintAwaitsAcknowledgement()
    {
        var complaint = IntakeExamples.Received(IntakeExamples.Submission());
        complaint.FollowCase(Guid.NewGuid(), DateTimeOffset.UnixEpoch);

        Assert.Contains($"within {AcknowledgementDeadline.WorkingDays} working days", PublicProgress.Describe(complaint), StringComparison.Ordinal);
    }

    private static DateOnly Day(string day) => DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
}
