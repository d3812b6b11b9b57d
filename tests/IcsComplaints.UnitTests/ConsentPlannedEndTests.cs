using IcsComplaints.AdvocacyReferral.Domain.Referrals;
using IcsComplaints.AdvocacyReferral.Domain.Rules;

namespace IcsComplaints.UnitTests;

/// <summary><see cref="ConsentPlannedEnd"/>: consent lasts as long as it says, past the case's closure when it says so.</summary>
public sealed class ConsentPlannedEndTests
{
    private static readonly DateOnly Given = new(2026, 3, 2);
    private static readonly DateOnly Closed = new(2026, 5, 4);

    private static ConsentGrant Grant(bool viewCase = true) =>
        ConsentGrant.Give(Guid.NewGuid(), Guid.NewGuid(), "ADV01", viewCase, reviewDrafts: true, ConsentEvidence.Written, Given, "handler-1");

    [Fact]
    public void ByDefault_TheAdvocateReadsTheClosedCase_ThroughTheConfiguredDaysAfterClosure_ThenAccessEndedOnTheLastDay()
    {
        var grant = Grant().Lasting(null, 28);
        Assert.NotNull(grant.CaseClosed(Closed, "case-service", []));

        Assert.Equal(Closed.AddDays(28), grant.AccessEndsOn);
        Assert.True(ConsentPlannedEnd.Readable(grant, Closed.AddDays(28)));
        Assert.Null(ConsentPlannedEnd.AccessEndedOn(grant, Closed.AddDays(28)));
        Assert.False(ConsentPlannedEnd.Readable(grant, Closed.AddDays(29)));
        Assert.Equal(Closed.AddDays(28), ConsentPlannedEnd.AccessEndedOn(grant, Closed.AddDays(29)));
    }

    [Fact]
    public void AGrantWithoutAPlannedEnd_AsRecordedBeforePlannedEnds_EndsAtClosure()
    {
        var grant = Grant();
        grant.CaseClosed(Closed, "case-service", []);

        Assert.Null(grant.AccessEndsOn);
        Assert.False(ConsentPlannedEnd.Readable(grant, Closed));
        Assert.Equal(Closed, ConsentPlannedEnd.AccessEndedOn(grant, Closed));
    }

    [Fact]
    public void ADateTheComplainantGave_IsKeptAtClosure_AndEndsAccessEvenWhileTheCaseIsOpen()
    {
        var lastDay = Given.AddDays(10);
        var open = Grant().Lasting(lastDay, 28);
        Assert.True(ConsentPlannedEnd.Readable(open, lastDay));
        Assert.False(ConsentPlannedEnd.Readable(open, lastDay.AddDays(1)));
        Assert.Equal(lastDay, ConsentPlannedEnd.AccessEndedOn(open, lastDay.AddDays(1)));

        var outlasting = Grant().Lasting(Closed.AddDays(5), 28);
        outlasting.CaseClosed(Closed, "case-service", []);
        Assert.Equal(Closed.AddDays(5), outlasting.AccessEndsOn);
        Assert.True(ConsentPlannedEnd.Readable(outlasting, Closed.AddDays(5)));
    }

    [Fact]
    public void RevokingAfterClosure_EndsTheReadingAtOnce_AndTheEndIsTheRevocationDay()
    {
        var grant = Grant().Lasting(null, 28);
        grant.CaseClosed(Closed, "case-service", []);
        var revokedOn = Closed.AddDays(3);

        Assert.True(grant.RevokeReadingAfterClosure(revokedOn, "complainant-1"));

        Assert.False(ConsentPlannedEnd.Readable(grant, revokedOn));
        Assert.Equal(revokedOn, ConsentPlannedEnd.AccessEndedOn(grant, revokedOn));
        Assert.Equal(ConsentEndReason.Revoked, grant.EndReason);
        Assert.False(grant.RevokeReadingAfterClosure(revokedOn, "complainant-1"));
    }

    [Fact]
    public void AGrantNotAllowingTheCaseToBeSeen_GivesNoReadingAfterClosure()
    {
        var grant = Grant(viewCase: false).Lasting(null, 28);
        grant.CaseClosed(Closed, "case-service", []);

        Assert.False(ConsentPlannedEnd.Readable(grant, Closed));
    }

    [Theory]
    [InlineData(-1, true)]
    [InlineData(0, false)]
    [InlineData(30, false)]
    public void APlannedEnd_MayNotBeInThePast(int daysFromToday, bool refused)
    {
        var today = new DateOnly(2026, 6, 1);
        Assert.Equal(refused, ConsentPlannedEnd.Problem(today.AddDays(daysFromToday), today) is not null);
    }
}
