using IcsComplaints.Calendar;
using IcsComplaints.Reporting.Domain.Measures;
using IcsComplaints.Reporting.Domain.Rules;

namespace IcsComplaints.UnitTests;

/// <summary>
/// <see cref="TransferTimeSplit"/> and <see cref="TransfersView"/>: the ICB's days on a complaint it transferred,
/// apart from the provider's (Reg 7(5), domain.md §2), in working days.
/// </summary>
public sealed class TransferTimeSplitTests
{
    private static readonly WorkingDayCalendar Calendar = new(BankHolidays.Embedded());

    // Monday 2 November 2026; consent on Friday 6th; transfer on Wednesday 11th; response on Friday 27th.
    private static readonly DateOnly Received = new(2026, 11, 2);
    private static readonly DateOnly Consent = new(2026, 11, 6);
    private static readonly DateOnly Transferred = new(2026, 11, 11);
    private static readonly DateOnly Responded = new(2026, 11, 27);

    [Fact]
    public void TheIcbsDays_SplitIntoWaitingForConsentAndTriage_AndTheProvidersStartAtTheTransfer()
    {
        var time = TransferTimeSplit.Of(Calendar, Received, consentAwaited: true, Consent, Transferred, Responded, today: new DateOnly(2026, 12, 4));

        Assert.Equal(new TransferTime(IcbWorkingDays: 7, ConsentWorkingDays: 4, TriageWorkingDays: 3, ProviderWorkingDays: 12, ProviderFinished: true), time);
    }

    [Fact]
    public void AProviderStillHandlingIt_HasItsDaysSoFar_NotFinal()
    {
        var time = TransferTimeSplit.Of(Calendar, Received, consentAwaited: true, Consent, Transferred, providerEndedOn: null, today: new DateOnly(2026, 11, 18));

        Assert.Equal((5, false), (time.ProviderWorkingDays, time.ProviderFinished));
    }

    [Fact]
    public void ConsentGivenWithTheComplaint_LeavesAllTheIcbsDaysToTriage()
    {
        var time = TransferTimeSplit.Of(Calendar, Received, consentAwaited: false, consentRecordedOn: null, Transferred, Responded, Responded);

        Assert.Equal((7, 0, 7), (time.IcbWorkingDays, time.ConsentWorkingDays, time.TriageWorkingDays));
    }

    [Fact]
    public void ConsentAwaitedWithNoAnswerReported_CannotBeSplit_ButTheIcbsTotalStands()
    {
        var time = TransferTimeSplit.Of(Calendar, Received, consentAwaited: true, consentRecordedOn: null, Transferred, Responded, Responded);

        Assert.Equal((7, (int?)null, (int?)null), (time.IcbWorkingDays, time.ConsentWorkingDays, time.TriageWorkingDays));
    }

    [Fact]
    public void AnAnswerRecordedAfterTheTransfer_CountsNoMoreThanTheIcbsDays()
    {
        var time = TransferTimeSplit.Of(Calendar, Received, consentAwaited: true, new DateOnly(2026, 11, 20), Transferred, Responded, Responded);

        Assert.Equal((7, 7, 0), (time.IcbWorkingDays, time.ConsentWorkingDays, time.TriageWorkingDays));
    }

    [Fact]
    public void BankHolidaysAndWeekends_AreNotWorkingDays_ForTheIcbEither()
    {
        // Wednesday 23 December 2026 to Tuesday 29th: Christmas Day and the Boxing Day substitute (Monday 28th) fall between.
        var time = TransferTimeSplit.Of(Calendar, new DateOnly(2026, 12, 23), consentAwaited: false, null, new DateOnly(2026, 12, 29), null, new DateOnly(2026, 12, 29));

        Assert.Equal((2, 0), (time.IcbWorkingDays, time.ProviderWorkingDays));
    }

    [Fact]
    public void TheView_ListsWhatWaitsForConsent_TheTransfersToTheIcbsProvidersInThePeriod_AndMediansOfFinishedOnesOnly()
    {
        var today = new DateOnly(2026, 12, 4);
        var period = ReportingPeriods.Months("2026-11", "2026-11");
        var waitingCase = Guid.NewGuid();
        TransferRow[] rows =
        [
            // Waiting since Monday 23 November: 9 working days by Friday 4 December.
            new(Guid.NewGuid(), new DateOnly(2026, 11, 23), true, null, null, null, null, waitingCase, null, null, null, null),
            // Consent refused, then withdrawn: waiting for nothing.
            new(Guid.NewGuid(), new DateOnly(2026, 11, 2), true, new DateOnly(2026, 11, 3), null, null, null, null, null, null, null, null),
            new(Guid.NewGuid(), new DateOnly(2026, 11, 9), true, null, null, null, new DateOnly(2026, 11, 10), null, null, null, null, null),
            // Two to RJ1, one answered (7 ICB days, 12 provider days), one still open (ICB 2 days).
            new(Guid.NewGuid(), Received, true, Consent, Transferred, "RJ1", null, Guid.NewGuid(), Responded, "Upheld", Responded, "Resolved"),
            new(Guid.NewGuid(), new DateOnly(2026, 11, 16), false, null, new DateOnly(2026, 11, 18), "RJ1", null, Guid.NewGuid(), null, null, null, null),
            // To a provider the ICB does not commission, and to RJ1 outside the period: neither shown.
            new(Guid.NewGuid(), Received, false, null, Transferred, "RXX", null, null, null, null, null, null),
            new(Guid.NewGuid(), new DateOnly(2026, 10, 1), false, null, new DateOnly(2026, 10, 5), "RJ1", null, null, null, null, null, null),
        ];

        var view = TransfersView.Of(Calendar, "QKK", period, ["RJ1", "RJ2"], rows, today);

        Assert.Equal(1, view.AwaitingConsentCount);
        Assert.Equal(new AwaitingConsent(waitingCase, new DateOnly(2026, 11, 23), 9), view.AwaitingConsent.Single());
        Assert.Equal([new DateOnly(2026, 11, 18), Transferred], view.Transfers.Select(t => t.TransferredOn));
        var answered = view.Transfers[1];
        Assert.Equal(("QKK", "RJ1", 7, 12, true, "Upheld", (DateOnly?)Responded),
            (answered.FromOrganisationCode, answered.ToOrganisationCode, answered.IcbWorkingDays, answered.ProviderWorkingDays, answered.ProviderFinished, answered.Outcome, answered.OutcomeOn));
        Assert.Equal(new TransferTimes("RJ1", 2, 1, 4.5, 12), view.Providers.Single());
    }
}
