using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Case.Domain.Rules;
using IcsComplaints.Validation;
using static IcsComplaints.UnitTests.CaseRules.CaseFixtures;

namespace IcsComplaints.UnitTests.CaseRules;

/// <summary><see cref="EarlyResolutionConfirmation"/>: early resolution ends with a record of what was discussed and agreed, not a signed response.</summary>
public sealed class EarlyResolutionConfirmationTests
{
    private static readonly EarlyResolutionRecord Talked = new(
        new DateOnly(2026, 11, 4), ContactChannel.Phone, "Why the clinic was cancelled.", "A new appointment on 10 November and an apology.");

    [Fact]
    public void AComplaintResolvedEarly_HasItsResponseOnTheDay_WithTheOutcome_AndMeetsTheTargetWithin()
    {
        var c = NewCase();
        c.Acknowledge(Received, ContactChannel.Letter, true, null);
        c.StartEarlyResolution(Received, 3, EnglandAndWales);

        c.ResolveEarly(Talked, CaseOutcome.PartiallyUpheld);

        Assert.Equal((CaseStage.FinalResponseSent, Talked.ResolvedOn, CaseOutcome.PartiallyUpheld), (c.Stage, c.FinalResponseSentOn, c.Outcome));
        Assert.Equal(Talked, c.EarlyResolution);
        Assert.False(c.IsOpen);
        var early = Assert.Single(CaseClock.Deadlines(c, Talked.ResolvedOn, EnglandAndWales), d => d.Kind == DeadlineKind.EarlyResolution);
        Assert.True(early.Met && early.Done);
    }

    [Fact]
    public void ACaseTakenForACloserLook_CannotBeResolvedEarly()
    {
        var c = NewCase();
        c.Acknowledge(Received, ContactChannel.Letter, true, null);
        c.StartCloserLook(Received, "Serious harm", Plan("The wait"), Investigator, NoConflict, Responsible);

        var ex = Assert.Throws<RequestStateException>(() => c.ResolveEarly(Talked, CaseOutcome.Upheld));

        Assert.Contains("needs a full final response", ex.Message, StringComparison.Ordinal);
        Assert.Null(c.EarlyResolution);
    }

    [Fact]
    public void AResolutionBeforeEarlyResolutionStarted_IsRefusedAgainstItsDate()
    {
        var c = NewCase();
        c.Acknowledge(Received, ContactChannel.Letter, true, null);
        c.StartEarlyResolution(new DateOnly(2026, 11, 3), 3, EnglandAndWales);

        var ex = Assert.Throws<RequestValidationException>(() => c.ResolveEarly(Talked with { ResolvedOn = Received }, CaseOutcome.NotUpheld));

        Assert.True(ex.Errors.ContainsKey("resolvedOn"));
        Assert.Equal(CaseStage.EarlyResolution, c.Stage);
    }
}
