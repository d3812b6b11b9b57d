using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Case.Domain.Rules;
using IcsComplaints.Validation;
using static IcsComplaints.UnitTests.CaseRules.CaseFixtures;

namespace IcsComplaints.UnitTests.CaseRules;

/// <summary><see cref="SixMonthBackstop"/>: Reg 14, a response owed within six months or a later date agreed before then.</summary>
public sealed class SixMonthBackstopTests
{
    [Fact]
    public void IsSixMonthsFromReceipt_AndClockPausesDoNotMoveIt()
    {
        var c = NewCase();
        c.Pause(PauseReason.ParallelProcess, "Inquest", new DateOnly(2026, 11, 9));
        c.Resume(new DateOnly(2026, 11, 16));

        Assert.Equal(new DateOnly(2027, 5, 2), SixMonthBackstop.For(c));
    }

    [Fact]
    public void ALaterDateAgreedBeforeSixMonths_MovesIt_OneAgreedAfterDoesNot()
    {
        var c = NewCase();
        c.AgreeResponseDate(new DateOnly(2027, 4, 1), new DateOnly(2027, 6, 1), true, "Complex clinical review", "handler");
        Assert.Equal(new DateOnly(2027, 6, 1), SixMonthBackstop.For(c));

        var late = NewCase();
        late.AgreeResponseDate(new DateOnly(2027, 5, 10), new DateOnly(2027, 7, 1), true, "Agreed after six months", "handler");
        Assert.Equal(new DateOnly(2027, 5, 2), SixMonthBackstop.For(late));
    }

    [Fact]
    public void IsMet_OnItsLastDay()
    {
        var backstop = new DateOnly(2027, 5, 2);

        Assert.True(SixMonthBackstop.Met(backstop, backstop));
        Assert.False(SixMonthBackstop.Met(backstop.AddDays(1), backstop));
    }

    [Fact]
    public void ADelayLetter_IsOnlyForAResponseNotSentByTheBackstop()
    {
        var c = NewCase();

        Assert.Throws<RequestValidationException>(() => c.RecordDelayLetter(new DateOnly(2027, 5, 2), "Awaiting an expert opinion"));
        c.RecordDelayLetter(new DateOnly(2027, 5, 3), "Awaiting an expert opinion");
        Assert.Equal(new DateOnly(2027, 5, 3), c.DelayLetterSentOn);
    }
}
