using System.Globalization;
using IcsComplaints.AdvocacyReferral.Contracts.Events;
using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.Correspondence.Domain.Messages;
using IcsComplaints.TestKit;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IcsComplaints.Correspondence.Tests;

/// <summary>
/// Advocacy and joint-complaint events become e-mails to service and team mailboxes, read back from the mail catcher:
/// a referral to the advocacy service; a shared draft to each advocacy service and contributing organisation (Reg 9)
/// with the review's last day and where to read it, and a reminder on that day unless the review closed first; the
/// final response to the advocacy services whose client's consent covers the case, none once it is revoked; each
/// once however often its event is delivered, and listed for the case's staff by role and code.
/// </summary>
public sealed class AdvocateAndContributorNoticeTests(CorrespondenceSystem system)
{
    private LetterSteps Letters { get; } = new(system);

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private IBus Bus => system.Service.Services.GetRequiredService<IBus>();

    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, London).DateTime);

    [Fact]
    public async Task AReferral_GoesToTheAdvocacyServicesMailbox_SayingWhereToAnswerIt_AndNamingNoOne()
    {
        var (caseId, reference) = await CaseAtAsync("RJ1");

        await OwnQueues.SendAsync(Bus, "correspondence", Referral(caseId, "ADV01", "Complainant"));
        await OwnQueues.SendAsync(Bus, "correspondence", Referral(caseId, CorrespondenceSystem.AdvocacyServiceWithOwnMailbox, "Handler"));

        var mails = await Letters.MailAboutAsync(reference, expected: 2);
        Assert.Equal(2, mails.Count);
        var adv01 = Assert.Single(mails, m => m.To.SequenceEqual(["advocacy.adv01@nhs.example"]));
        Assert.Equal($"Complaint {reference}: referred to your advocacy service", adv01.Subject);
        var text = await system.Mail.PlainTextAsync(adv01.Id);
        Assert.Contains(
            $"Complaint {reference}, handled by Guy's and St Thomas' NHS Foundation Trust (RJ1), was referred to your advocacy service on Monday 7 December 2026 by the complainant",
            text, StringComparison.Ordinal);
        Assert.Contains("Accept or decline the referral in the complaints portal: https://complaints.example/advocate.", text, StringComparison.Ordinal);
        var own = Assert.Single(mails, m => m.To.SequenceEqual([CorrespondenceSystem.AdvocacyServiceMailbox]));
        Assert.Contains("by the organisation's complaints team", await system.Mail.PlainTextAsync(own.Id), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASharedDraft_AsksEachAdvocacyServiceAndContributingOrganisation_ForItsReviewByTheLastDay_AndRemindsAdvocatesOnThatDay()
    {
        var (caseId, reference) = await CaseAtAsync("RJ1");
        var lastDay = Today;

        await OwnQueues.SendAsync(Bus, "correspondence", Shared(caseId, 2, ["ADV01", "ADV02"], ["R1H"], lastDay.AddDays(-1), lastDay));

        var mails = await Letters.MailAboutAsync(reference, expected: 5);
        Assert.Equal(5, mails.Count);
        var day = lastDay.ToString("dddd d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
        foreach (var service in new[] { "adv01", "adv02" })
        {
            var toService = mails.Where(m => m.To.SequenceEqual([$"advocacy.{service}@nhs.example"])).ToList();
            Assert.Equal(
                [$"Complaint {reference}: draft response version 2 to review by {day}", $"Complaint {reference}: the review of draft version 2 closes today"],
                toService.Select(m => m.Subject).Order(StringComparer.Ordinal));
        }
        var review = mails.First(m => m.Subject.Contains("to review by", StringComparison.Ordinal));
        var reviewText = await system.Mail.PlainTextAsync(review.Id);
        Assert.Contains("has shared version 2 of its draft final response", reviewText, StringComparison.Ordinal);
        Assert.Contains($"until the end of {day}, the last day of the review", reviewText, StringComparison.Ordinal);
        Assert.Contains("under Draft reviews: https://complaints.example/advocate/reviews.", reviewText, StringComparison.Ordinal);
        var contributor = Assert.Single(mails, m => m.To.SequenceEqual(["complaints.r1h@nhs.example"]));
        Assert.Equal($"Complaint {reference}: your part of the joint response, by {day}", contributor.Subject);
        var contributorText = await system.Mail.PlainTextAsync(contributor.Id);
        Assert.Contains("Guy's and St Thomas' NHS Foundation Trust (RJ1) is co-ordinating a single response", contributorText, StringComparison.Ordinal);
        Assert.Contains("(Regulation 9 of the Local Authority Social Services", contributorText, StringComparison.Ordinal);
        Assert.Contains($"https://complaints.example/staff/contributions/{caseId}", contributorText, StringComparison.Ordinal);

        var listed = await Letters.ListAsync(await system.TokenAsync("handler.rj1"), caseId);
        Assert.Equal(
            ["AdvocacyService ADV01 draft-for-advocate-review", "AdvocacyService ADV01 draft-review-closing-today",
                "AdvocacyService ADV02 draft-for-advocate-review", "AdvocacyService ADV02 draft-review-closing-today",
                "ContributingOrganisation R1H draft-for-contributor"],
            listed.Select(m => $"{m.GetProperty("recipient").GetString()} {m.GetProperty("recipientCode").GetString()} {m.GetProperty("template").GetString()}")
                .Order(StringComparer.Ordinal));
        Assert.DoesNotContain("@", string.Join(' ', listed.Select(m => m.GetRawText())), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReviewThatClosesBeforeItsLastDay_WithdrawsTheReminder_AndOnlyThatReviewersReminder()
    {
        var (caseId, reference) = await CaseAtAsync("RJ1");
        await OwnQueues.SendAsync(Bus, "correspondence", Shared(caseId, 1, ["ADV01", "ADV02"], [], Today, Today.AddDays(7)));
        await Letters.MailAboutAsync(reference, expected: 2);

        await OwnQueues.SendAsync(Bus, "correspondence", new DraftReviewClosed
        {
            CaseId = caseId, OrganisationCode = "RJ1", Version = 1, ReviewerCode = "ADV01", Outcome = "Completed", Comments = 2, ClosedOn = Today,
        });

        await Eventually.TrueAsync(
            () => system.InDb(db => db.Messages.AnyAsync(m => m.CaseId == caseId && m.Template == MessageTemplates.DraftReviewClosingToday && m.Status == MessageStatus.NotSent)),
            Patience, "the reminder is withdrawn");
        var reminders = await system.InDb(db => db.Messages.AsNoTracking()
            .Where(m => m.CaseId == caseId && m.Template == MessageTemplates.DraftReviewClosingToday).OrderBy(m => m.RecipientCode).ToListAsync());
        Assert.Equal([("ADV01", MessageStatus.NotSent), ("ADV02", MessageStatus.Queued)], reminders.Select(m => (m.RecipientCode, m.Status)));
        Assert.Equal($"The review closed (Completed) on {Today:yyyy-MM-dd}, so no reminder is owed.", reminders[0].Reason);
        Assert.True(reminders[1].NextAttemptAt > DateTimeOffset.UtcNow.AddDays(5), "the other reminder waits for the last day");
        await AfterTheQueueHasMovedOnAsync();
        Assert.Equal(2, (await Letters.MailAboutAsync(reference, expected: 2)).Count);
    }

    [Fact]
    public async Task TheFinalResponse_IsToldToTheAdvocacyServicesWhoseConsentCoversTheCase_AndToNoneWhoseConsentWasRevoked()
    {
        var (caseId, reference) = await CaseAtAsync("RJ1");
        await OwnQueues.SendAsync(Bus, "correspondence", Granted(caseId, Guid.NewGuid(), "ADV01"));
        var revoked = Guid.NewGuid();
        await OwnQueues.SendAsync(Bus, "correspondence", Granted(caseId, revoked, "ADV02"));
        await OwnQueues.SendAsync(Bus, "correspondence", new ConsentRevoked
        {
            GrantId = revoked, CaseId = caseId, AdvocacyServiceCode = "ADV02", EndedOn = new DateOnly(2026, 12, 3), Reason = "Revoked",
        });
        await Eventually.TrueAsync(
            () => system.InDb(db => db.AdvocacyConsents.AnyAsync(c => c.CaseId == caseId && c.AdvocacyServiceCode == "ADV01"
                && db.AdvocacyConsents.Any(r => r.GrantId == revoked && r.EndReason == "Revoked"))),
            Patience, "both consents are recorded");

        var eventId = NewId.NextGuid();
        await OwnQueues.SendAsync(Bus, "correspondence", FinalResponse(caseId, new DateOnly(2026, 12, 4)), eventId);

        var mail = Assert.Single(await Letters.MailAboutAsync(reference, expected: 1));
        Assert.Equal(["advocacy.adv01@nhs.example"], mail.To);
        Assert.Equal($"Complaint {reference}: the final response has been sent", mail.Subject);
        var text = await system.Mail.PlainTextAsync(mail.Id);
        Assert.Contains($"sent its final response to complaint {reference} on Friday 4 December 2026.", text, StringComparison.Ordinal);
        Assert.Contains("Parliamentary and Health Service Ombudsman", text, StringComparison.Ordinal);
        // Delivered again, it sends nothing more.
        await OwnQueues.SendAsync(Bus, "correspondence", FinalResponse(caseId, new DateOnly(2026, 12, 4)), eventId);
        await AfterTheQueueHasMovedOnAsync();
        Assert.Single(await Letters.MailAboutAsync(reference, expected: 1));
        Assert.Equal(1, await system.InDb(db => db.Messages.CountAsync(m => m.CaseId == caseId && m.Template == MessageTemplates.FinalResponseIssued)));
    }

    [Fact]
    public async Task ADraftForAnAdvocacyServiceWhoseConsentWasRevoked_IsNotSent_AndTheListSaysWhy()
    {
        var (caseId, reference) = await CaseAtAsync("RJ1");
        var grant = Guid.NewGuid();
        await OwnQueues.SendAsync(Bus, "correspondence", new ConsentRevoked
        {
            GrantId = grant, CaseId = caseId, AdvocacyServiceCode = "ADV03", EndedOn = Today, Reason = "Revoked",
        });
        await OwnQueues.SendAsync(Bus, "correspondence", Granted(caseId, grant, "ADV03"));
        // The two events travel on queues of their own: the draft is shared once both have been heard.
        await Eventually.TrueAsync(() => system.InDb(db => db.AdvocacyConsents.AnyAsync(c => c.GrantId == grant && c.GrantedOn != null && c.EndedOn != null)),
            Patience, "the grant and its revocation are recorded");

        await OwnQueues.SendAsync(Bus, "correspondence", Shared(caseId, 3, ["ADV03"], [], Today, Today));

        var token = await system.TokenAsync("handler.rj1");
        await Eventually.TrueAsync(async () => (await Letters.ListAsync(token, caseId)).Any(m => m.GetProperty("status").GetString() == "NotSent"), Patience, "the notice is not sent");
        var listed = Assert.Single(await Letters.ListAsync(token, caseId));
        Assert.Equal("The complainant's consent for the advocacy service ended before this was sent.", listed.GetProperty("reason").GetString());
        await AfterTheQueueHasMovedOnAsync();
        Assert.Empty(await Letters.MailAboutAsync(reference, expected: 0));
    }

    [Fact]
    public async Task ASharedDraftDeliveredTwice_SendsEachReviewerOneMessage()
    {
        var (caseId, reference) = await CaseAtAsync("RJ1");
        var shared = Shared(caseId, 1, ["ADV01"], ["R1H", "RJZ"], Today, Today.AddDays(5));
        var eventId = NewId.NextGuid();

        await OwnQueues.SendAsync(Bus, "correspondence", shared, eventId);
        await Letters.MailAboutAsync(reference, expected: 2);
        await system.InDb(db => db.Database.ExecuteSqlAsync($"DELETE FROM correspondence.inbox_messages WHERE message_id = {eventId}"));
        await OwnQueues.SendAsync(Bus, "correspondence", shared, eventId);
        await Eventually.TrueAsync(
            () => system.InDb(db => db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM correspondence.inbox_messages WHERE message_id = {eventId}").SingleAsync()).ContinueWith(t => t.Result == 1, TaskScheduler.Default),
            Patience, "the redelivered event is consumed again");
        await AfterTheQueueHasMovedOnAsync();

        Assert.Equal(2, (await Letters.MailAboutAsync(reference, expected: 2)).Count);
        var stored = await system.InDb(db => db.Messages.AsNoTracking().Where(m => m.CaseId == caseId).ToListAsync());
        // The advocate's notice and reminder, and one for each contributor: RJZ has set no mailbox, so nothing goes to it.
        Assert.Equal(4, stored.Count);
        Assert.Equal("No complaints team mailbox is set for the contributing organisation.",
            Assert.Single(stored, m => m.RecipientCode == CorrespondenceSystem.WithoutMailbox).Reason);
    }

    private async Task<(Guid CaseId, string Reference)> CaseAtAsync(string organisation)
    {
        var caseId = Guid.NewGuid();
        var reference = "A" + Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
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

    private static ReferralRequested Referral(Guid caseId, string service, string by) => new()
    {
        ReferralId = Guid.NewGuid(), CaseId = caseId, OrganisationCode = "RJ1", AdvocacyServiceCode = service, RequestedOn = new DateOnly(2026, 12, 7), RequestedBy = by,
    };

    private static DraftShared Shared(Guid caseId, int version, string[] advocacy, string[] contributors, DateOnly sharedOn, DateOnly windowEndsOn) => new()
    {
        CaseId = caseId, ComplaintId = Guid.NewGuid(), OrganisationCode = "RJ1", Version = version, AdvocacyServiceCodes = advocacy,
        ContributorCodes = contributors, SharedOn = sharedOn, WindowEndsOn = windowEndsOn,
    };

    private static ConsentGranted Granted(Guid caseId, Guid grantId, string service) => new()
    {
        GrantId = grantId, CaseId = caseId, AdvocacyServiceCode = service, ViewCase = true, ReviewDrafts = true, GrantedOn = new DateOnly(2026, 11, 20),
    };

    private static FinalResponseSent FinalResponse(Guid caseId, DateOnly sentOn) => new()
    {
        CaseId = caseId, ComplaintId = Guid.NewGuid(), OrganisationCode = "RJ1", ReceivedOn = new DateOnly(2026, 11, 2), SentOn = sentOn,
        Outcome = "PartiallyUpheld", ResolvedEarly = false, WorkingDaysTaken = 24, Renegotiations = 0, WithinBackstop = true,
        UpdatesBeforeOutcome = 2, Findings = 3, FindingsUpheld = 1, Apology = true, Changes = 1, Remedy = false,
    };

    /// <summary>
    /// Waits until a referral sent after everything so far has been consumed and its e-mail sent: whatever came before
    /// it has had its chance to send something.
    /// </summary>
    private async Task AfterTheQueueHasMovedOnAsync()
    {
        var (caseId, reference) = await CaseAtAsync("RJ1");
        await OwnQueues.SendAsync(Bus, "correspondence", Referral(caseId, "ADV01", "Handler"));
        await Letters.MailAboutAsync(reference, expected: 1);
    }

}
