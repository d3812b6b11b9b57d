using IcsComplaints.Intake.Domain.Rules;

namespace IcsComplaints.UnitTests.IntakeRules;

/// <summary>Reg 7 (either/or): the same matter raised with a provider and with its ICB is handled once.</summary>
public sealed class EitherOrTests
{
    [Fact]
    public void TheSamePersonAboutTheSameProvider_IsAPossibleDuplicate_WhicheverWayTheyComplained()
    {
        var toProvider = IntakeExamples.Received(IntakeExamples.Submission() with { EventDate = new DateOnly(2026, 10, 1) });
        var toIcb = IntakeExamples.Received(IntakeExamples.Submission("QKK") with { AboutOrganisationCodes = ["RJ1ZZ"], Email = "GRACE@example.org" });

        Assert.Equal("email", EitherOr.MatchedOn(toIcb, toProvider));
        Assert.True(EitherOr.SameMatter(toIcb, toProvider, IntakeExamples.Directory));
    }

    [Fact]
    public void AnotherProvider_OrAnotherPerson_IsNotTheSameMatter()
    {
        var first = IntakeExamples.Received(IntakeExamples.Submission());
        var otherProvider = IntakeExamples.Received(IntakeExamples.Submission("RJZ"));
        var otherPerson = IntakeExamples.Received(IntakeExamples.Submission() with { Name = "Ada", Email = "ada@example.org" });

        Assert.False(EitherOr.SameMatter(otherProvider, first, IntakeExamples.Directory));
        Assert.Null(EitherOr.MatchedOn(otherPerson, first));
    }

    [Fact]
    public void EarlierComplaints_AreComparedOverTwoYears()
    {
        Assert.Equal(new DateOnly(2024, 11, 20), EitherOr.ComparedSince(new DateOnly(2026, 11, 20)));
    }
}
