using IcsComplaints.Intake.Domain.Complaints;
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

    [Fact]
    public void OpenMattersAreOfferedFirst_ThenTheMostRecent()
    {
        var closedLately = EarlierOn(new DateOnly(2026, 11, 1));
        closedLately.CaseClosed(new DateOnly(2026, 11, 10));
        var withdrawnLately = EarlierOn(new DateOnly(2026, 10, 20));
        withdrawnLately.Withdraw(new DateOnly(2026, 10, 25));
        var openLongAgo = EarlierOn(new DateOnly(2026, 3, 1));
        var openSince = EarlierOn(new DateOnly(2026, 6, 1));
        var now = IntakeExamples.Received(IntakeExamples.Submission());

        var offered = EitherOr.MayRepeat(now, [closedLately, openLongAgo, withdrawnLately, openSince], IntakeExamples.Directory);

        Assert.Equal([openSince.Id, openLongAgo.Id, closedLately.Id, withdrawnLately.Id], offered.Select(o => o.Earlier.Id));
        Assert.All(offered, o => Assert.Equal("email", o.MatchedOn));
        Assert.False(EitherOr.IsOpen(closedLately));
        Assert.False(EitherOr.IsOpen(withdrawnLately));
        Assert.True(EitherOr.IsOpen(openLongAgo));
    }

    [Fact]
    public void AtMostFiveEarlierComplaintsAreOffered_HoweverOftenThePersonComplained()
    {
        var earlier = Enumerable.Range(1, 40).Select(day => EarlierOn(new DateOnly(2026, 9, 1).AddDays(day))).ToList();
        var now = IntakeExamples.Received(IntakeExamples.Submission());

        var offered = EitherOr.MayRepeat(now, earlier, IntakeExamples.Directory);

        Assert.Equal(EitherOr.MostOffered, offered.Count);
        Assert.Equal(5, EitherOr.MostOffered);
        Assert.Equal(earlier.OrderByDescending(c => c.ReceivedOn).Take(5).Select(c => c.Id), offered.Select(o => o.Earlier.Id));
    }

    [Fact]
    public void ComplaintsOfAnotherMatterOrPerson_AreNotOffered_AndDoNotTakeAPlace()
    {
        var otherProvider = IntakeExamples.Received(IntakeExamples.Submission("RJZ") with { ReceivedOn = new DateOnly(2026, 11, 19) });
        var otherPerson = IntakeExamples.Received(IntakeExamples.Submission() with { Name = "Ada", Email = "ada@example.org", ReceivedOn = new DateOnly(2026, 11, 18) });
        var sameMatter = EarlierOn(new DateOnly(2026, 5, 1));
        var now = IntakeExamples.Received(IntakeExamples.Submission());

        var offered = EitherOr.MayRepeat(now, [otherProvider, otherPerson, sameMatter, now], IntakeExamples.Directory);

        Assert.Equal([sameMatter.Id], offered.Select(o => o.Earlier.Id));
    }

    private static Complaint EarlierOn(DateOnly receivedOn) =>
        IntakeExamples.Received(IntakeExamples.Submission() with { ReceivedOn = receivedOn });
}
