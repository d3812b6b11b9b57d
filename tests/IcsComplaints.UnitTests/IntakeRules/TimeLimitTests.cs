using IcsComplaints.Intake.Domain.Complaints;
using IcsComplaints.Intake.Domain.Rules;
using IcsComplaints.Validation;

namespace IcsComplaints.UnitTests.IntakeRules;

/// <summary>Reg 12: the 12-month time limit and the decision on a late complaint.</summary>
public sealed class TimeLimitTests
{
    [Theory]
    [InlineData("2025-11-20", null, false)] // exactly 12 months: the last day in time
    [InlineData("2025-11-19", null, true)]
    [InlineData("2024-01-01", "2025-11-20", false)] // the later of the event and awareness counts
    [InlineData("2024-01-01", "2025-11-19", true)]
    [InlineData(null, null, false)] // without dates nothing is out of time
    public void AComplaintMoreThan12MonthsAfterTheLaterOfEventAndAwareness_IsOutOfTime(string? eventDate, string? awareDate, bool outOfTime)
    {
        var received = new DateOnly(2026, 11, 20);

        Assert.Equal(outOfTime, TimeLimit.IsOutOfTime(received, Parse(eventDate), Parse(awareDate)));
    }

    [Fact]
    public void TheLastDayInTime_IsTwelveMonthsAfterTheLaterDate_AtTheEndOfAShortMonth()
    {
        Assert.Equal(new DateOnly(2027, 2, 28), TimeLimit.LastDayInTime(new DateOnly(2026, 2, 28), null));
        Assert.Equal(new DateOnly(2025, 2, 28), TimeLimit.LastDayInTime(new DateOnly(2023, 1, 1), new DateOnly(2024, 2, 29)));
    }

    [Fact]
    public void TheDatesCountedFrom_AreNotAfterTheComplaint_AndAwarenessIsNotBeforeTheEvents()
    {
        var fields = new FieldReader();

        TimeLimit.CheckDates(fields, new DateOnly(2026, 11, 21), new DateOnly(2026, 11, 19), new DateOnly(2026, 11, 20));

        Assert.Equal(["awareDate", "eventDate"], Errors(fields).Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ALateComplaintIsConsidered_OnlyWithAGoodReason_AndAFairInvestigationStillPossible()
    {
        var fields = new FieldReader();

        Assert.Null(TimeLimit.ReadDecision(fields, "Considered", null, false, null, IntakeExamples.Today));

        var errors = Errors(fields);
        Assert.Contains("Reg 12(4)(a)", Assert.Single(errors["goodReason"]), StringComparison.Ordinal);
        Assert.Contains("Reg 12(4)(b)", Assert.Single(errors["fairInvestigationPossible"]), StringComparison.Ordinal);
        var considered = TimeLimit.ReadDecision(new FieldReader(), "considered", "In hospital for a year.", true, null, IntakeExamples.Today);
        Assert.Equal(new LateComplaintDecision(TimeLimitDecision.Considered, "In hospital for a year.", null), considered);
    }

    [Fact]
    public void ALateComplaintDeclined_RecordsTheLetterExplainingWhy()
    {
        var fields = new FieldReader();

        Assert.Null(TimeLimit.ReadDecision(fields, "Declined", null, null, null, IntakeExamples.Today));

        Assert.True(Errors(fields).ContainsKey("letterSentOn"));
        Assert.Equal(new DateOnly(2026, 11, 27),
            TimeLimit.ReadDecision(new FieldReader(), "Declined", null, null, "2026-11-27", IntakeExamples.Today)!.LetterSentOn);
    }

    [Fact]
    public void AnOutOfTimeComplaint_AwaitsTheDecision_AndGoesNoFurtherUntilItIsRecorded()
    {
        var complaint = IntakeExamples.Received(IntakeExamples.Submission("QKK") with
        {
            AboutOrganisationCodes = ["RJ1"],
            EventDate = new DateOnly(2024, 1, 1),
            OutOfTime = true,
        });

        Assert.True(TimeLimit.AwaitsDecision(complaint));
        var refused = Assert.Throws<RequestStateException>(() => complaint.HandleAsCommissioner(IntakeExamples.Today));
        Assert.Contains("Reg 12", refused.Message, StringComparison.Ordinal);
        complaint.DecideTimeLimit(new LateComplaintDecision(TimeLimitDecision.Considered, "Ill.", null), IntakeExamples.Today);
        Assert.False(TimeLimit.AwaitsDecision(complaint));
        complaint.HandleAsCommissioner(IntakeExamples.Today);
        Assert.Equal(ComplaintRoute.HandledByCommissioner, complaint.Route);
    }

    private static DateOnly? Parse(string? day) => day is null ? null : DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);

    private static IReadOnlyDictionary<string, string[]> Errors(FieldReader fields) =>
        Assert.Throws<RequestValidationException>(fields.ThrowIfAny).Errors;
}
