using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Case.Domain.Rules;
using IcsComplaints.Validation;
using static IcsComplaints.UnitTests.CaseRules.CaseFixtures;

namespace IcsComplaints.UnitTests.CaseRules;

/// <summary><see cref="UpdateFrequency"/>: Reg 14, keeping the complainant informed at an agreed frequency.</summary>
public sealed class UpdateFrequencyTests
{
    [Fact]
    public void Updates_AreDueAtTheAgreedFrequency_AfterTheLastUpdate()
    {
        var c = NewCase();
        Assert.Null(UpdateFrequency.NextDue(c, EnglandAndWales));

        c.AgreeUpdateFrequency(5, Received);
        Assert.Equal(new DateOnly(2026, 11, 9), UpdateFrequency.NextDue(c, EnglandAndWales));

        c.LogContact(new DateOnly(2026, 11, 6), ContactChannel.Phone, outgoing: true, isUpdate: true, "Progress call", "handler");
        Assert.Equal(new DateOnly(2026, 11, 13), UpdateFrequency.NextDue(c, EnglandAndWales));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(61)]
    public void AFrequencyOutsideOneToSixtyWorkingDays_IsRefused(int every)
    {
        var c = NewCase();

        var ex = Assert.Throws<RequestValidationException>(() => c.AgreeUpdateFrequency(every, Received));

        Assert.True(ex.Errors.ContainsKey("everyWorkingDays"));
    }

    [Fact]
    public void AScheduledUpdate_IsOwedFromItsDay_UntilOneIsGiven_AndNeverOnceTheResponseHasGone()
    {
        var c = NewCase();
        c.AgreeUpdateFrequency(5, Received);
        var due = new DateOnly(2026, 11, 9);

        Assert.Null(UpdateFrequency.ScheduledUpdateOwed(c, due.AddDays(-1), EnglandAndWales));
        Assert.Equal(due, UpdateFrequency.ScheduledUpdateOwed(c, due, EnglandAndWales));
        Assert.Equal(due, UpdateFrequency.ScheduledUpdateOwed(c, due.AddDays(2), EnglandAndWales));

        c.RecordScheduledUpdate(due);
        Assert.Null(UpdateFrequency.ScheduledUpdateOwed(c, due, EnglandAndWales));
        Assert.Equal(new DateOnly(2026, 11, 16), UpdateFrequency.NextDue(c, EnglandAndWales));

        c.Acknowledge(Received, ContactChannel.Letter, true, null);
        c.StartEarlyResolution(Received, 3, EnglandAndWales);
        c.ResolveEarly(new EarlyResolutionRecord(new DateOnly(2026, 11, 10), ContactChannel.Phone, "The wait", "An apology"), CaseOutcome.Upheld);
        Assert.Null(UpdateFrequency.ScheduledUpdateOwed(c, new DateOnly(2026, 12, 31), EnglandAndWales));
    }
}
