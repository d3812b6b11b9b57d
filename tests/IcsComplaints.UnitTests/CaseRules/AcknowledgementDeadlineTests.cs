using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Nhs.Rules;
using IcsComplaints.Validation;
using static IcsComplaints.UnitTests.CaseRules.CaseFixtures;

namespace IcsComplaints.UnitTests.CaseRules;

/// <summary><see cref="AcknowledgementDeadline"/>: Reg 13(2)–(3).</summary>
public sealed class AcknowledgementDeadlineTests
{
    [Fact]
    public void IsDue_OnTheThirdWorkingDayAfterReceipt()
    {
        Assert.Equal(new DateOnly(2026, 11, 5), AcknowledgementDeadline.DueBy(Received, EnglandAndWales));
        Assert.Equal(new DateOnly(2026, 11, 5), NewCase().AcknowledgementDueBy);
    }

    [Fact]
    public void SkipsWeekendsAndBankHolidays()
    {
        // Received Wednesday 23 December 2026: Christmas Day and the Boxing Day substitute (Monday 28th) do not count.
        Assert.Equal(new DateOnly(2026, 12, 30), AcknowledgementDeadline.DueBy(new DateOnly(2026, 12, 23), EnglandAndWales));
    }

    [Fact]
    public void IsInTime_OnItsDueDay_AndLateTheDayAfter()
    {
        var dueBy = new DateOnly(2026, 11, 5);

        Assert.True(AcknowledgementDeadline.InTime(dueBy, dueBy));
        Assert.False(AcknowledgementDeadline.InTime(dueBy.AddDays(1), dueBy));
    }

    [Fact]
    public void AMissedAcknowledgement_IsMissedTheWorkingDayAfter()
    {
        var c = NewCase();
        var ack = CaseClock.Deadlines(c, new DateOnly(2026, 11, 6), EnglandAndWales).Single(d => d.Kind == DeadlineKind.Acknowledgement);

        Assert.Equal(new DateOnly(2026, 11, 5), ack.DueOn);
        Assert.False(ack.IsMissed(new DateOnly(2026, 11, 5)));
        Assert.True(ack.IsMissed(new DateOnly(2026, 11, 6)));
    }

    [Fact]
    public void AnAcknowledgementWithoutTheOfferToDiscuss_IsRefused()
    {
        var c = NewCase();

        var ex = Assert.Throws<RequestValidationException>(() => c.Acknowledge(Received, ContactChannel.Letter, discussionOffered: false, null));

        Assert.Contains("Reg 13", ex.Errors["discussionOffered"][0], StringComparison.Ordinal);
    }
}
