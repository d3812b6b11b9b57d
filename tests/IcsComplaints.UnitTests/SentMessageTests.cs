using IcsComplaints.Correspondence.Domain.Messages;

namespace IcsComplaints.UnitTests;

/// <summary>A message's life: queued, an attempt recorded before each send, retried with backoff, failed when the tries are spent.</summary>
public sealed class SentMessageTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private static SentMessage Queued() => SentMessage.Queue(
        Guid.NewGuid(), MessageTemplates.DeadlineMissed, RecipientRole.ComplaintsTeam, Guid.NewGuid(), Guid.NewGuid(), "RJ1",
        new Dictionary<string, string> { ["deadline"] = "Response" }, Now);

    [Fact]
    public void AnAttempt_IsRecordedBeforeTheSend_SoOneACrashCutShortIsTriedAgainAfterItsLease()
    {
        var message = Queued();

        message.BeginAttempt(Now, Lease);

        Assert.Equal((MessageStatus.Sending, 1, Now + Lease), (message.Status, message.Attempts, message.NextAttemptAt));
        // No outcome was recorded: the dispatcher that finds it after the lease counts the lost try.
        message.BeginAttempt(Now + Lease, Lease);
        Assert.Equal(2, message.Attempts);
    }

    [Fact]
    public void AFailedAttempt_WaitsDoublingEachTime_AndFailsForGoodWhenTheTriesAreSpent()
    {
        var schedule = new RetrySchedule(TimeSpan.FromSeconds(30), 3);
        var message = Queued();

        message.BeginAttempt(Now, Lease);
        message.AttemptFailed("The mail server could not be reached (ConnectionRefused).", schedule, Now);
        Assert.Equal((MessageStatus.Queued, Now.AddSeconds(30)), (message.Status, message.NextAttemptAt));

        message.BeginAttempt(Now.AddSeconds(30), Lease);
        message.AttemptFailed("The mail server could not be reached (ConnectionRefused).", schedule, Now.AddSeconds(30));
        Assert.Equal((MessageStatus.Queued, Now.AddSeconds(90)), (message.Status, message.NextAttemptAt));

        message.BeginAttempt(Now.AddSeconds(90), Lease);
        message.AttemptFailed("The mail server could not be reached (ConnectionRefused).", schedule, Now.AddSeconds(90));
        Assert.Equal((MessageStatus.Failed, 3), (message.Status, message.Attempts));
        Assert.Throws<InvalidOperationException>(() => message.BeginAttempt(Now.AddHours(1), Lease));
    }

    [Fact]
    public void ASentMessage_IsNeverSentAgain()
    {
        var message = Queued();
        message.BeginAttempt(Now, Lease);

        message.Sent(MessageChannel.Email, largePrint: false, Now.AddSeconds(1));

        Assert.Equal((MessageStatus.Sent, Now.AddSeconds(1)), (message.Status, message.SentAt));
        Assert.Throws<InvalidOperationException>(() => message.BeginAttempt(Now.AddHours(1), Lease));
    }

    [Fact]
    public void AnOutcome_CanOnlyBeRecordedForAnAttemptUnderWay()
    {
        var message = Queued();

        Assert.Throws<InvalidOperationException>(() => message.Sent(MessageChannel.Email, largePrint: false, Now));
        Assert.Throws<InvalidOperationException>(() => message.NotSent("No complaints team mailbox is set for the organisation."));
    }

    [Fact]
    public void AMessage_WithoutAFactItsTemplateNeeds_SaysWhichIsMissing()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Queued().Fact("dueOn"));

        Assert.Contains("'dueOn'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MessagesToSeveralOfARole_AreToldApartByTheirCode_AndOneForALaterDayWaitsForIt()
    {
        var later = Now.AddDays(3);

        var reminder = SentMessage.Queue(
            Guid.NewGuid(), MessageTemplates.DraftReviewClosingToday, RecipientRole.AdvocacyService, "ADV01", Guid.NewGuid(), Guid.NewGuid(), "RJ1",
            new Dictionary<string, string> { ["version"] = "2" }, Now, later);
        var notice = SentMessage.Queue(
            Guid.NewGuid(), MessageTemplates.DraftForContributor, RecipientRole.ContributingOrganisation, "R1H", Guid.NewGuid(), Guid.NewGuid(), "RJ1",
            new Dictionary<string, string>(), Now, Now.AddDays(-1));

        Assert.Equal(("ADV01", later), (reminder.RecipientCode, reminder.NextAttemptAt));
        Assert.Equal(("R1H", Now), (notice.RecipientCode, notice.NextAttemptAt));
        Assert.Equal("", Queued().RecipientCode);
    }

    [Fact]
    public void AWaitingMessage_CanBeWithdrawn_ButNotOnceAnAttemptHasBegun()
    {
        var waiting = Queued();
        Assert.True(waiting.Withdraw("The review closed (Completed) on 2026-12-08, so no reminder is owed."));
        Assert.Equal((MessageStatus.NotSent, "The review closed (Completed) on 2026-12-08, so no reminder is owed."), (waiting.Status, waiting.Reason));

        var sending = Queued();
        sending.BeginAttempt(Now, Lease);
        Assert.False(sending.Withdraw("Too late."));
        Assert.Equal((MessageStatus.Sending, (string?)null), (sending.Status, sending.Reason));
    }

    [Fact]
    public void AMessageAboutAComplaint_HasNoCase_AndIsKeyedLikeAnyOther()
    {
        var eventId = Guid.NewGuid();
        var complaintId = Guid.NewGuid();

        var message = SentMessage.QueueAboutComplaint(
            eventId, MessageTemplates.OralComplaintRecord, RecipientRole.Complainant, complaintId, "RJ1",
            new Dictionary<string, string> { ["channel"] = "Phone" }, Now);

        Assert.Equal((eventId, MessageTemplates.OralComplaintRecord, RecipientRole.Complainant, (Guid?)null, complaintId, "RJ1", MessageStatus.Queued),
            (message.EventId, message.Template, message.RecipientRole, message.CaseId, message.ComplaintId, message.OrganisationCode, message.Status));
    }
}
