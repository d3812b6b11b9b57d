using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Case.Domain.Rules;
using IcsComplaints.Validation;
using static IcsComplaints.UnitTests.CaseRules.CaseFixtures;

namespace IcsComplaints.UnitTests.CaseRules;

/// <summary><see cref="StageTransitions"/>: the stages of the model complaint handling procedure (Reg 13 and 14).</summary>
public sealed class StageTransitionsTests
{
    [Fact]
    public void SkippingTheAcknowledgement_IsRefused_NamingWhatMayFollow()
    {
        var c = NewCase();

        var ex = Assert.Throws<RequestStateException>(() => c.StartEarlyResolution(Received, 3, EnglandAndWales));

        Assert.Contains("next it can be Acknowledged", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CaseStage.Received, CaseStage.Acknowledged, true)]
    [InlineData(CaseStage.Acknowledged, CaseStage.FinalResponseSent, false)]
    [InlineData(CaseStage.CloserLook, CaseStage.EarlyResolution, false)]
    [InlineData(CaseStage.ResponseDrafted, CaseStage.Closed, false)]
    [InlineData(CaseStage.FinalResponseSent, CaseStage.Closed, true)]
    [InlineData(CaseStage.Closed, CaseStage.Reopened, true)]
    public void OnlyTheListedMoves_AreAllowed(CaseStage from, CaseStage to, bool allowed)
    {
        Assert.Equal(allowed, StageTransitions.Allows(from, to));
    }

    [Fact]
    public void TheClock_RunsUntilTheFinalResponseHasGone()
    {
        Assert.True(StageTransitions.ClockRuns(CaseStage.ResponseDrafted));
        Assert.True(StageTransitions.ClockRuns(CaseStage.Reopened));
        Assert.False(StageTransitions.ClockRuns(CaseStage.FinalResponseSent));
        Assert.False(StageTransitions.ClockRuns(CaseStage.Closed));
    }

    [Fact]
    public void Reg12_ACaseOnHold_IsAcknowledgedButNotLookedInto()
    {
        var c = NewCase(onHold: true);
        c.Acknowledge(Received, ContactChannel.Letter, true, null);

        var ex = Assert.Throws<RequestStateException>(() => c.StartEarlyResolution(Received, 3, EnglandAndWales));

        Assert.Contains("Reg 12(4)", ex.Message, StringComparison.Ordinal);
    }
}
