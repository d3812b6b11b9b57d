using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Case.Domain.Rules;
using IcsComplaints.Validation;
using static IcsComplaints.UnitTests.CaseRules.CaseFixtures;

namespace IcsComplaints.UnitTests.CaseRules;

/// <summary><see cref="ClockPausing"/>: pausing the response clock (Reg 14).</summary>
public sealed class ClockPausingTests
{
    [Fact]
    public void PausedWorkingDays_MoveTheAgreedDateOn()
    {
        var c = NewCase();
        c.Acknowledge(Received, ContactChannel.Letter, true, null);
        c.AgreeResponseDate(new DateOnly(2026, 11, 4), new DateOnly(2026, 12, 16), true, "Agreed by phone", "handler");
        c.Pause(PauseReason.ParallelProcess, "Inquest", new DateOnly(2026, 11, 9));
        c.Resume(new DateOnly(2026, 11, 16)); // five working days

        Assert.Equal(5, ClockPausing.PausedWorkingDays(c, new DateOnly(2026, 11, 20), EnglandAndWales));
        Assert.Equal(new DateOnly(2026, 12, 23), CaseClock.ResponseDueBy(c, new DateOnly(2026, 11, 20), EnglandAndWales));
    }

    [Fact]
    public void WhileTheClockIsPaused_TheResponseIsNotLate()
    {
        var c = NewCase();
        c.AgreeResponseDate(Received, new DateOnly(2026, 11, 20), true, "Agreed", "handler");
        c.Pause(PauseReason.AwaitingConsent, "Patient consent to share records", new DateOnly(2026, 11, 10));

        var response = CaseClock.Deadlines(c, new DateOnly(2026, 12, 1), EnglandAndWales).Single(d => d.Kind == DeadlineKind.Response);

        Assert.False(response.IsMissed(new DateOnly(2026, 12, 1)));
    }

    [Fact]
    public void OnePauseAtATime()
    {
        var c = NewCase();
        c.Pause(PauseReason.AwaitingConsent, "Patient consent to share records", new DateOnly(2026, 11, 10));

        Assert.Throws<RequestStateException>(() => ClockPausing.EnsureMayPause(c));
    }

    [Fact]
    public void ANewPause_StartsNoEarlierThanTheLastOneEnded()
    {
        var c = NewCase();
        Assert.Equal(Received, ClockPausing.EarliestStart(c));

        c.Pause(PauseReason.ParallelProcess, "Inquest", new DateOnly(2026, 11, 9));
        c.Resume(new DateOnly(2026, 11, 16));

        Assert.Equal(new DateOnly(2026, 11, 16), ClockPausing.EarliestStart(c));
    }
}
