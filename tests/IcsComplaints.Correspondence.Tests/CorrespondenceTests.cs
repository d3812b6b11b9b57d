using System.Globalization;
using System.Net;
using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.TestKit;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using IcsComplaints.Correspondence.Domain.Messages;

namespace IcsComplaints.Correspondence.Tests;

/// <summary>
/// Case events become e-mails that really leave, read back from the mail catcher: the complaints team warned before a
/// deadline and told when one is missed, each event's message sent once however often it is delivered, nothing sent
/// where there is no mailbox, and what was sent listed for the case's own staff.
/// </summary>
public sealed class CorrespondenceTests(CorrespondenceSystem system)
{
    private LetterSteps Letters { get; } = new(system);

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private IBus Bus => system.Service.Services.GetRequiredService<IBus>();

    [Fact]
    public async Task ANearingDeadline_SendsTheComplaintsTeamOneWarning_WithTheCaseTheDateAndWhatToDo()
    {
        var (caseId, reference) = await CaseAtAsync("RJ1");

        await OwnQueues.SendAsync(Bus, "correspondence", Approaching(caseId, "RJ1", "Response", new DateOnly(2026, 12, 18), 3));

        var mail = Assert.Single(await Letters.MailAboutAsync(reference, expected: 1));
        Assert.Equal(["complaints.rj1@nhs.example"], mail.To);
        Assert.Equal($"Complaint {reference}: the response deadline is Friday 18 December 2026", mail.Subject);
        var text = await system.Mail.PlainTextAsync(mail.Id);
        Assert.Contains($"The response deadline of complaint {reference} is Friday 18 December 2026, 3 working days from now.", text, StringComparison.Ordinal);
        Assert.Contains("agree a new date with the complainant and say why (Reg 13(7)-(8))", text, StringComparison.Ordinal);
        // The e-mail carries the stored message's own id, so a repeat of it could be recognised.
        var stored = await system.InDb(db => db.Messages.AsNoTracking().SingleAsync(m => m.CaseId == caseId));
        Assert.Contains($"{stored.Id:N}@", await system.Mail.RawAsync(mail.Id), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissedBackstop_TellsTheTeam_ThatTheComplainantIsOwedALetterExplainingWhy()
    {
        var (caseId, reference) = await CaseAtAsync("RJ1");

        await OwnQueues.SendAsync(Bus, "correspondence", Missed(caseId, "RJ1", "Backstop", new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 1)));

        var mail = Assert.Single(await Letters.MailAboutAsync(reference, expected: 1));
        Assert.Equal(["complaints.rj1@nhs.example"], mail.To);
        Assert.Equal($"Complaint {reference}: the six-month backstop deadline was missed", mail.Subject);
        var text = await system.Mail.PlainTextAsync(mail.Id);
        Assert.Contains("was Monday 30 November 2026 and was found missed on Tuesday 1 December 2026.", text, StringComparison.Ordinal);
        Assert.Contains("The complainant is owed a letter explaining why there is no response yet (Reg 14).", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEventDeliveredTwice_SendsOneMessage()
    {
        var (caseId, reference) = await CaseAtAsync("RJ1");
        var missed = Missed(caseId, "RJ1", "Update", new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 3));
        var eventId = NewId.NextGuid();

        await OwnQueues.SendAsync(Bus, "correspondence", missed, eventId);
        await Letters.MailAboutAsync(reference, expected: 1);
        await OwnQueues.SendAsync(Bus, "correspondence", missed, eventId);
        await AfterTheQueueHasMovedOnAsync();

        Assert.Single(await Letters.MailAboutAsync(reference, expected: 1));
        Assert.Equal(1, await system.InDb(db => db.Messages.CountAsync(m => m.CaseId == caseId)));
    }

    [Fact]
    public async Task AnEventComingBackAfterItsInboxRowIsGone_StillSendsNothingTwice_BecauseTheMessageIsKeyedOnTheEvent()
    {
        var (caseId, reference) = await CaseAtAsync("RJ1");
        var near = Approaching(caseId, "RJ1", "Update", new DateOnly(2026, 12, 9), 2);
        var eventId = NewId.NextGuid();
        await OwnQueues.SendAsync(Bus, "correspondence", near, eventId);
        await Letters.MailAboutAsync(reference, expected: 1);

        // Inbox rows are kept 14 days: a redelivery after that finds none, and only the message's own key stops it.
        await system.InDb(db => db.Database.ExecuteSqlAsync($"DELETE FROM correspondence.inbox_messages WHERE message_id = {eventId}"));
        await OwnQueues.SendAsync(Bus, "correspondence", near, eventId);
        await Eventually.TrueAsync(
            () => system.InDb(db => db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM correspondence.inbox_messages WHERE message_id = {eventId}").SingleAsync()).ContinueWith(t => t.Result == 1, TaskScheduler.Default),
            Patience, "the redelivered event is consumed again");
        await AfterTheQueueHasMovedOnAsync();

        Assert.Single(await Letters.MailAboutAsync(reference, expected: 1));
        var stored = Assert.Single(await system.InDb(db => db.Messages.AsNoTracking().Where(m => m.CaseId == caseId).ToListAsync()));
        Assert.Equal((MessageStatus.Sent, 1), (stored.Status, stored.Attempts));
    }

    [Fact]
    public async Task AnOrganisationWithNoTeamMailbox_IsSentNothing_AndTheMessageSaysWhy()
    {
        var (caseId, reference) = await CaseAtAsync(CorrespondenceSystem.WithoutMailbox);

        await OwnQueues.SendAsync(Bus, "correspondence", Missed(caseId, CorrespondenceSystem.WithoutMailbox, "Response", new DateOnly(2026, 12, 4), new DateOnly(2026, 12, 7)));

        await Eventually.TrueAsync(
            async () => (await Letters.ListAsync(await system.TokenAsync("handler.rjz"), caseId)).Any(m => m.GetProperty("status").GetString() == "NotSent"),
            Patience, "the message is recorded as not sent");
        var listed = Assert.Single(await Letters.ListAsync(await system.TokenAsync("handler.rjz"), caseId));
        Assert.Equal("No complaints team mailbox is set for the organisation.", listed.GetProperty("reason").GetString());
        await AfterTheQueueHasMovedOnAsync();
        Assert.Empty(await Letters.MailAboutAsync(reference, expected: 0));
    }

    [Fact]
    public async Task WhatWasSent_IsListedForTheCasesOwnStaff_AndNotFoundForAnyoneElse()
    {
        var (caseId, reference) = await CaseAtAsync("RJ1");
        await OwnQueues.SendAsync(Bus, "correspondence", Approaching(caseId, "RJ1", "Acknowledgement", new DateOnly(2026, 12, 8), 1));
        await Letters.MailAboutAsync(reference, expected: 1);
        // The mail can reach the catcher a moment before the message's row records it as sent.
        await Eventually.TrueAsync(
            async () => (await Letters.ListAsync(await system.TokenAsync("handler.rj1"), caseId)).Any(m => m.GetProperty("status").GetString() == "Sent"),
            Patience, "the message is recorded as sent");

        var listed = Assert.Single(await Letters.ListAsync(await system.TokenAsync("handler.rj1"), caseId));
        Assert.Equal(
            ("deadline-approaching", "ComplaintsTeam", "Sent", "Email", 1),
            (listed.GetProperty("template").GetString(), listed.GetProperty("recipient").GetString(), listed.GetProperty("status").GetString(),
                listed.GetProperty("channel").GetString(), listed.GetProperty("attempts").GetInt32()));
        Assert.DoesNotContain("@", listed.GetRawText(), StringComparison.Ordinal);

        using var otherTrust = system.Http(await system.TokenAsync("handler.rjz"));
        Assert.Equal(HttpStatusCode.NotFound, (await otherTrust.GetAsync(new Uri($"/api/v1/correspondence/cases/{caseId}/messages", UriKind.Relative))).StatusCode);
        using var sameTrust = system.Http(await system.TokenAsync("handler.rj1"));
        Assert.Equal(HttpStatusCode.NotFound, (await sameTrust.GetAsync(new Uri($"/api/v1/correspondence/cases/{Guid.NewGuid()}/messages", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await sameTrust.GetAsync(new Uri($"/api/v1/correspondence/cases/{caseId}/messages?status=Sent", UriKind.Relative))).StatusCode);
        using var anonymous = system.Http();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri($"/api/v1/correspondence/cases/{caseId}/messages", UriKind.Relative))).StatusCode);
    }

    private async Task<(Guid CaseId, string Reference)> CaseAtAsync(string organisation)
    {
        var caseId = Guid.NewGuid();
        var reference = "T" + Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
        await OwnQueues.SendAsync(Bus, "correspondence", new CaseOpened
        {
            CaseId = caseId,
            ComplaintId = Guid.NewGuid(),
            Reference = reference,
            OrganisationCode = organisation,
            ReceivedOn = new DateOnly(2026, 11, 2),
            AcknowledgementDueBy = new DateOnly(2026, 11, 5),
            OpenedAt = DateTimeOffset.UtcNow,
        });
        await Eventually.TrueAsync(() => system.InDb(db => db.Cases.AnyAsync(c => c.CaseId == caseId)), Patience, "the case is known");
        return (caseId, reference);
    }

    private static CaseDeadlineApproaching Approaching(Guid caseId, string organisation, string deadline, DateOnly dueOn, int left) => new()
    {
        CaseId = caseId, ComplaintId = Guid.NewGuid(), OrganisationCode = organisation, Deadline = deadline, DueOn = dueOn, WorkingDaysLeft = left,
    };

    private static CaseDeadlineMissed Missed(Guid caseId, string organisation, string deadline, DateOnly dueOn, DateOnly detectedOn) => new()
    {
        CaseId = caseId, ComplaintId = Guid.NewGuid(), OrganisationCode = organisation, Deadline = deadline, DueOn = dueOn, DetectedOn = detectedOn,
    };

    /// <summary>
    /// Waits until an event sent after everything so far has been consumed and its e-mail sent: whatever came before
    /// it has had its chance to send something.
    /// </summary>
    private async Task AfterTheQueueHasMovedOnAsync()
    {
        var (caseId, reference) = await CaseAtAsync("RJ1");
        await OwnQueues.SendAsync(Bus, "correspondence", Approaching(caseId, "RJ1", "Update", new DateOnly(2026, 12, 31), 5));
        await Letters.MailAboutAsync(reference, expected: 1);
    }
}
