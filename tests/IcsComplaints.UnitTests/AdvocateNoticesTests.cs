using IcsComplaints.Correspondence.Domain.Consents;
using IcsComplaints.Correspondence.Domain.Rules;

namespace IcsComplaints.UnitTests;

/// <summary>
/// What an advocacy service is told follows the complainant's consent: the final response only under a grant that
/// lets it follow the case that day and was not withdrawn; drafts only while a grant still covers them; a reminder
/// on the review's last day, not owed when the window closes the day the draft is shared.
/// </summary>
public sealed class AdvocateNoticesTests
{
    private static readonly Guid Case = Guid.NewGuid();
    private static readonly DateOnly SentOn = new(2026, 12, 10);

    private static AdvocacyConsent Grant(string service, bool viewCase = true, bool reviewDrafts = true, DateOnly? on = null) =>
        AdvocacyConsent.Given(Guid.NewGuid(), Case, service, viewCase, reviewDrafts, on ?? new DateOnly(2026, 11, 20));

    [Fact]
    public void TheFinalResponse_IsToldToEachServiceWhoseGrantLetsItFollowTheCase_OncePerService()
    {
        var first = Grant("ADV01", on: new DateOnly(2026, 11, 1));
        var later = Grant("ADV01", on: new DateOnly(2026, 11, 25));
        var draftsOnly = Grant("ADV02", viewCase: false);
        var afterwards = Grant("ADV03", on: SentOn.AddDays(1));
        var sameDay = Grant("ADV04", on: SentOn);

        var covered = AdvocateNotices.CoveringFinalResponse([first, later, draftsOnly, afterwards, sameDay], SentOn);

        Assert.Equal([later.GrantId, sameDay.GrantId], covered.Select(g => g.GrantId));
    }

    [Fact]
    public void AWithdrawnGrant_CoversNothing_ButOneEndedByTheCaseClosingThatDay_StillCoversTheFinalResponse()
    {
        var revoked = Grant("ADV01");
        revoked.End(SentOn.AddDays(-3), AdvocacyConsent.Revoked);
        var declined = Grant("ADV02");
        declined.End(SentOn.AddDays(-1), AdvocacyConsent.ReferralDeclined);
        var closed = Grant("ADV03");
        closed.End(SentOn, AdvocacyConsent.CaseClosed);
        var closedBefore = Grant("ADV04");
        closedBefore.End(SentOn.AddDays(-1), AdvocacyConsent.CaseClosed);

        var covered = AdvocateNotices.CoveringFinalResponse([revoked, declined, closed, closedBefore], SentOn);

        Assert.Equal(["ADV03"], covered.Select(g => g.AdvocacyServiceCode));
    }

    [Fact]
    public void ConsentWithdrawnAfterTheCaseClosed_StopsTheNoticeQueuedUnderIt()
    {
        var grant = Grant("ADV01");
        grant.End(SentOn, AdvocacyConsent.CaseClosed);
        Assert.Null(AdvocateNotices.WhyNotAboutFinalResponse(grant));

        grant.End(SentOn.AddDays(2), AdvocacyConsent.Revoked);

        Assert.Equal((SentOn.AddDays(2), AdvocacyConsent.Revoked), (grant.EndedOn, grant.EndReason));
        Assert.NotNull(AdvocateNotices.WhyNotAboutFinalResponse(grant));
    }

    [Fact]
    public void AnEndArrivingBeforeItsGrant_KeepsTheGrantEnded_WhenTheGrantComes()
    {
        var grant = AdvocacyConsent.EndedBeforeGiven(Guid.NewGuid(), Case, "ADV01", SentOn.AddDays(-2), AdvocacyConsent.Revoked);

        grant.Give(viewCase: true, reviewDrafts: true, new DateOnly(2026, 11, 20));

        Assert.False(grant.IsActive);
        Assert.Empty(AdvocateNotices.CoveringFinalResponse([grant], SentOn));
        Assert.NotNull(AdvocateNotices.WhyNotAboutDrafts([grant]));
    }

    [Fact]
    public void ADraftNotice_GoesWhileAGrantCoversDrafts_OrWhenNoGrantIsKnownYet_AndNotOnceEveryGrantHasEnded()
    {
        var active = Grant("ADV01");
        var viewOnly = Grant("ADV01", reviewDrafts: false);
        var revoked = Grant("ADV01");
        revoked.End(SentOn, AdvocacyConsent.Revoked);

        Assert.Null(AdvocateNotices.WhyNotAboutDrafts([]));
        Assert.Null(AdvocateNotices.WhyNotAboutDrafts([revoked, active]));
        Assert.Equal("The complainant's consent for the advocacy service ended before this was sent.", AdvocateNotices.WhyNotAboutDrafts([revoked]));
        Assert.Equal("The complainant's consent for the advocacy service no longer covers drafts of the response.", AdvocateNotices.WhyNotAboutDrafts([viewOnly]));
    }

    [Theory]
    [InlineData("2026-12-07", "2026-12-14", "2026-12-14T08:00:00+00:00")]
    [InlineData("2026-06-01", "2026-06-08", "2026-06-08T07:00:00+00:00")]
    public void TheReminder_IsSentOnTheWindowsLastDay_AtTheSetTimeInLondon(string sharedOn, string windowEndsOn, string expected)
    {
        var at = AdvocateNotices.ClosingDayReminderAt(DateOnly.Parse(sharedOn), DateOnly.Parse(windowEndsOn), new TimeOnly(8, 0));

        Assert.Equal(DateTimeOffset.Parse(expected), at);
    }

    [Fact]
    public void NoReminder_IsOwedWhenTheWindowClosesTheDayTheDraftIsShared_NorSentOnceTheWindowHasClosed()
    {
        Assert.Null(AdvocateNotices.ClosingDayReminderAt(SentOn, SentOn, new TimeOnly(8, 0)));
        Assert.Null(AdvocateNotices.WhyNoReminder(SentOn, SentOn));
        Assert.Equal("The review window had closed before the reminder could be sent.", AdvocateNotices.WhyNoReminder(SentOn, SentOn.AddDays(1)));
    }
}
