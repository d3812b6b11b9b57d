// Over 300 lines on purpose: every message intake's events owe before a case, each sent through the real channels
// and read back, side by side so that what each event owes, and what it must not, can be compared.
using System.Globalization;
using System.Net;
using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.Correspondence.Domain.Complaints;
using IcsComplaints.Correspondence.Domain.Messages;
using IcsComplaints.Intake.Contracts.Events;
using IcsComplaints.Platform.Audit;
using IcsComplaints.TestKit;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IcsComplaints.Correspondence.Tests;

/// <summary>
/// Messages about a complaint before (or without) a case, from intake's own events (ADR 37): the written record of a
/// complaint made orally (Reg 13(2)), with what intake holds of it read at send time; the ICB's request for consent to
/// share a complaint about a provider and its team's notice that it waits (Reg 7(3)); the notice that a complaint was
/// transferred and keeps its date (Reg 6(6), 7(5)). Each event owes exactly its messages, once however often it comes;
/// nothing for an imported complaint, a complaint made in writing, or someone intake holds no address for.
/// </summary>
public sealed class ComplaintMessagesTests(CorrespondenceSystem system)
{
    private LetterSteps Letters { get; } = new(system);

    private const string Provider = "Guy's and St Thomas' NHS Foundation Trust";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private IBus Bus => system.Service.Services.GetRequiredService<IBus>();

    private static string Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")).DateTime)
        .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string DaysAgo(int days) => DateOnly.ParseExact(Today, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(-days)
        .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Written(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    [Fact]
    public async Task AComplaintMadeByTelephone_IsSentItsWrittenRecord_QuotingWhatIntakeHolds_AndNothingElse()
    {
        var email = NewAddress();
        var said = $"Nobody answered the ward telephone for three days ({Guid.NewGuid():N}).";
        var complaint = await RecordAsync("handler.rj1", new
        {
            organisationCode = "RJ1", channel = "Phone", receivedOn = DaysAgo(1),
            complainant = new { name = "Orla Byrne", email, contactPreference = "Email" },
            description = said, desiredOutcome = "An apology.",
        });

        var mail = Assert.Single(await Letters.MailToAsync(email, expected: 1));
        Assert.Equal($"Your complaint {complaint.Reference}: our written record of what you told us", mail.Subject);
        using var pdf = await Letters.PdfOfAsync(mail);
        var letter = string.Join(' ', pdf.GetPages().Select(p => string.Join(' ', p.GetWords().Select(w => w.Text))));
        foreach (var expected in new[] { complaint.Reference, "Orla Byrne", "by telephone", Written(DaysAgo(1)), said, "An apology.", "complaints.rj1@nhs.example" })
        {
            Assert.Contains(expected, letter, StringComparison.Ordinal);
        }
        // The e-mail's text is the letter too, wrapped for plain-text mail.
        Assert.Contains(said, string.Join(' ', (await system.Mail.PlainTextAsync(mail.Id)).Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);

        var stored = Assert.Single(await SentAsync(complaint.Id, count: 1));
        Assert.Equal((MessageTemplates.OralComplaintRecord, RecipientRole.Complainant, "RJ1", (Guid?)null, MessageStatus.Sent, MessageChannel.Email),
            (stored.Template, stored.RecipientRole, stored.OrganisationCode, stored.CaseId, stored.Status, stored.Channel));
        // What they said is read from intake when the letter is written, and kept nowhere in this service.
        Assert.Equal(["channel=Phone"], stored.Facts.Select(f => $"{f.Key}={f.Value}"));
        Assert.DoesNotContain(system.Capture.Logs, l => l.Contains(said, StringComparison.Ordinal) || l.Contains(email, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(system.Capture.SpanTexts, s => s.Contains(said, StringComparison.Ordinal) || s.Contains(email, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(system.Capture.Messages, m => m.Contains(said, StringComparison.Ordinal) || m.Contains(email, StringComparison.OrdinalIgnoreCase));
        // Intake audited both reads as the service's, for this letter.
        var reads = await system.InIntakeDb(db => db.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.ResourceId == complaint.Id.ToString() && e.Action == AuditAction.Read && e.ActorId == "correspondence").Select(e => e.Route).ToListAsync());
        Assert.Equal(["GetComplainantContact for oral-complaint-record", "GetComplaintStatement for oral-complaint-record"],
            reads.Select(r => r[(r.LastIndexOf('/') + 1)..]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AComplainantWhoAskedForLettersInLargePrint_IsPostedTheWrittenRecordInLargePrint()
    {
        var email = NewAddress();
        var complaint = await RecordAsync("handler.rj1", new
        {
            organisationCode = "RJ1", channel = "InPerson", receivedOn = Today,
            complainant = new
            {
                name = "Pat Lowe", email, contactPreference = "Letter",
                address = new { line1 = "3 Quay Street", town = "London", postcode = "SE1 9RT" },
            },
            adjustments = new { needs = new[] { "LargePrint" } },
            description = "The reception desk turned me away.",
        });

        var printed = Assert.Single(await Letters.MailToAsync(CorrespondenceSystem.PrintMailbox, expected: 1, about: complaint.Reference));
        using var pdf = await Letters.PdfOfAsync(printed);
        Assert.Contains("3 Quay Street", string.Join(' ', pdf.GetPages().Select(p => p.Text)), StringComparison.Ordinal);
        Assert.True(pdf.GetPages().SelectMany(p => p.Letters).Where(l => l.Value.Trim().Length > 0).Min(l => l.PointSize) >= 17.5, "large print");
        var stored = Assert.Single(await SentAsync(complaint.Id, count: 1));
        Assert.Equal((MessageChannel.Post, true), (stored.Channel, stored.LargePrint));
        Assert.Empty(await Letters.MailToAsync(email, expected: 0));
    }

    [Fact]
    public async Task AnOralComplaintFromSomeoneIntakeHoldsNoAddressFor_IsNotSent_AndTheMessageSaysWhy()
    {
        var complaint = await RecordAsync("handler.rj1", new
        {
            organisationCode = "RJ1", channel = "Pals", receivedOn = Today,
            complainant = new { name = "Quinn Hart", phone = "020 7946 0999", contactPreference = "Phone" },
            description = "My discharge letter never reached my GP.",
        });

        var stored = await SettledAsync(complaint.Id, MessageTemplates.OralComplaintRecord, MessageStatus.NotSent);
        Assert.Equal("Intake holds no e-mail or postal address for the complainant.", stored.Reason);
        Assert.Single(await MessagesAboutAsync(complaint.Id));
        Assert.DoesNotContain(await system.Mail.MessagesAsync(), m => m.Subject.Contains(complaint.Reference, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnOralComplaintWhoseRecordTheTeamSentThemselves_IsNotSentASecondOne()
    {
        var email = NewAddress();
        var complaint = await RecordAsync("handler.rj1", new
        {
            organisationCode = "RJ1", channel = "Phone", receivedOn = DaysAgo(2), writtenRecordSentOn = DaysAgo(1),
            complainant = new { name = "Rae Dunn", email },
            description = "The pharmacy gave me the wrong dose.",
        });

        var stored = await SettledAsync(complaint.Id, MessageTemplates.OralComplaintRecord, MessageStatus.NotSent);
        Assert.Equal($"The complaints team recorded at intake that they sent the written record themselves on {DaysAgo(1)} (Reg 13(2)).", stored.Reason);
        Assert.Empty(await Letters.MailToAsync(email, expected: 0));
    }

    [Fact]
    public async Task AComplaintMadeInWriting_OwesNothingBeforeItsCase()
    {
        var complaint = await RecordAsync("handler.rj1", new
        {
            organisationCode = "RJ1", channel = "Letter", receivedOn = Today,
            complainant = new { name = "Sam Ford", email = NewAddress() },
            description = "My operation was cancelled on the day.",
        });

        // The complaint is recorded in the same transaction as any message its arrival owes: once known, there are none.
        var known = await KnownAsync(complaint.Id);
        Assert.Equal((complaint.Reference, "RJ1", "RJ1"), (known.Reference, known.OrganisationCode, known.HandlingOrganisationCode));
        Assert.Empty(await MessagesAboutAsync(complaint.Id));
    }

    [Fact]
    public async Task AnImportedComplaint_IsOwedNothing_HoweverItWasMadeOrRouted()
    {
        var complaintId = Guid.NewGuid();
        var eventId = NewId.NextGuid();

        await OwnQueues.SendAsync(Bus, "correspondence", Submitted(complaintId, "IMP1-0001", "QKK", ComplaintChannel.Phone, ComplaintRoute.AwaitingConsent) with
        {
            Imported = true,
        }, eventId);

        await ConsumedAsync(eventId);
        Assert.Empty(await MessagesAboutAsync(complaintId));
        Assert.False(await system.InDb(db => db.Complaints.AnyAsync(c => c.ComplaintId == complaintId)));
    }

    [Fact]
    public async Task AComplaintToTheIcbAboutAProvider_AsksTheComplainantForConsent_AndTellsTheIcbTeamItWaits()
    {
        var email = NewAddress();
        var complaint = await ToTheIcbAsync(email, receivedOn: DaysAgo(3));

        var asked = Assert.Single(await Letters.MailToAsync(email, expected: 1));
        Assert.Equal($"Your complaint {complaint.Reference}: may we share it with {Provider}?", asked.Subject);
        using (var pdf = await Letters.PdfOfAsync(asked))
        {
            var letter = string.Join(' ', pdf.GetPages().Select(p => string.Join(' ', p.GetWords().Select(w => w.Text))));
            foreach (var expected in new[] { "NHS South East London Integrated Care Board", complaint.Reference, "Tess Grant", "If you agree", "If you do not agree", "complaints.qkk@nhs.example" })
            {
                Assert.Contains(expected, letter, StringComparison.Ordinal);
            }
        }
        var notice = Assert.Single(await Letters.MailToAsync("complaints.qkk@nhs.example", expected: 1, about: complaint.Reference));
        Assert.Equal($"Complaint {complaint.Reference}: waiting for the complainant's consent to share it", notice.Subject);
        var text = await system.Mail.PlainTextAsync(notice.Id);
        Assert.Contains($"is about {Provider}, which your organisation commissions. It has been waiting 3 days for the complainant's consent", text, StringComparison.Ordinal);
        // The team's notice carries no personal data: the reference is how the team finds the complaint.
        Assert.DoesNotContain("Tess Grant", text, StringComparison.Ordinal);
        Assert.DoesNotContain(email, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("referral", text, StringComparison.Ordinal);

        Assert.Equal(
            [(MessageTemplates.ConsentAwaited, RecipientRole.ComplaintsTeam, "QKK", MessageStatus.Sent), (MessageTemplates.ConsentRequest, RecipientRole.Complainant, "QKK", MessageStatus.Sent)],
            (await SentAsync(complaint.Id, count: 2)).Select(m => (m.Template, m.RecipientRole, m.OrganisationCode, m.Status)).Order());
    }

    [Fact]
    public async Task ATransferredComplaint_TellsTheComplainantWhoHandlesItNow_ThatItKeepsItsDate_AndHowToReachThem()
    {
        var email = NewAddress();
        var complaint = await ToTheIcbAsync(email, receivedOn: DaysAgo(6));
        await Letters.MailToAsync(email, expected: 1);

        await TransferToTheProviderAsync(complaint);

        var mails = await Letters.MailToAsync(email, expected: 2);
        var told = Assert.Single(mails, m => m.Subject == $"Your complaint {complaint.Reference} has been passed to {Provider}");
        using var pdf = await Letters.PdfOfAsync(told);
        var letter = string.Join(' ', pdf.GetPages().Select(p => string.Join(' ', p.GetWords().Select(w => w.Text))));
        Assert.Contains($"treat your complaint as received on {Written(DaysAgo(6))}, the day we first received it", letter, StringComparison.Ordinal);
        Assert.Contains($"Their complaints team: complaints.rj1@nhs.example. Please quote your reference {complaint.Reference}", letter, StringComparison.Ordinal);
        Assert.Contains("NHS South East London Integrated Care Board", letter, StringComparison.Ordinal);

        // The ICB, which had it, writes; the three messages are all the complaint has been owed.
        var stored = await SentAsync(complaint.Id, count: 3);
        Assert.Equal(
            [MessageTemplates.ConsentAwaited, MessageTemplates.ConsentRequest, MessageTemplates.TransferNotice],
            stored.Where(m => m.OrganisationCode == "QKK").Select(m => m.Template).Order(StringComparer.Ordinal));
        var known = await KnownAsync(complaint.Id);
        Assert.Equal(("QKK", "RJ1"), (known.OrganisationCode, known.HandlingOrganisationCode));
    }

    [Fact]
    public async Task EachIntakeEventDeliveredAgain_EvenAfterItsInboxRowIsGone_SendsItsMessagesOnce()
    {
        var email = NewAddress();
        var complaint = await ToTheIcbAsync(email, receivedOn: Today);
        // Intake's own event owes the request and the notice; the events below, each delivered three times, owe theirs.
        await SentAsync(complaint.Id, count: 2);
        var submitted = Submitted(complaint.Id, complaint.Reference, "QKK", ComplaintChannel.Phone, ComplaintRoute.AwaitingConsent);
        var submittedId = NewId.NextGuid();
        var transferred = new ComplaintTransferred
        {
            ComplaintId = complaint.Id, Reference = complaint.Reference, FromOrganisationCode = "QKK", ToOrganisationCode = "RJ1",
            ReceivedOn = DateOnly.ParseExact(Today, "yyyy-MM-dd", CultureInfo.InvariantCulture), TransferredOn = DateOnly.ParseExact(Today, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        var transferredId = NewId.NextGuid();

        await OwnQueues.SendAsync(Bus, "correspondence", submitted, submittedId);
        await OwnQueues.SendAsync(Bus, "correspondence", transferred, transferredId);
        await SentAsync(complaint.Id, count: 6);
        await OwnQueues.SendAsync(Bus, "correspondence", submitted, submittedId);
        await OwnQueues.SendAsync(Bus, "correspondence", transferred, transferredId);
        // Inbox rows are kept 14 days: a redelivery after that finds none, and only each message's own key stops it.
        await system.InDb(db => db.Database.ExecuteSqlAsync($"DELETE FROM correspondence.inbox_messages WHERE message_id = {submittedId} OR message_id = {transferredId}"));
        await OwnQueues.SendAsync(Bus, "correspondence", submitted, submittedId);
        await OwnQueues.SendAsync(Bus, "correspondence", transferred, transferredId);
        await ConsumedAsync(submittedId);
        await ConsumedAsync(transferredId);
        await AfterTheQueueHasMovedOnAsync();

        var stored = await SentAsync(complaint.Id, count: 6);
        Assert.Equal(
            [MessageTemplates.ConsentAwaited, MessageTemplates.ConsentRequest, MessageTemplates.OralComplaintRecord],
            stored.Where(m => m.EventId == submittedId).Select(m => m.Template).Order(StringComparer.Ordinal));
        Assert.Equal([MessageTemplates.TransferNotice], stored.Where(m => m.EventId == transferredId).Select(m => m.Template));
        Assert.All(stored, m => Assert.Equal(1, m.Attempts));
        // Two requests for consent (one per event that owed one), the written record and the transfer notice; two team notices.
        Assert.Equal(4, (await Letters.MailToAsync(email, expected: 4)).Count);
        Assert.Equal(2, (await Letters.MailToAsync("complaints.qkk@nhs.example", expected: 2, about: complaint.Reference)).Count);
    }

    [Fact]
    public async Task AComplainantWhoseConsentWasRecordedBeforeTheRequestWent_IsNotAskedForIt()
    {
        var email = NewAddress();
        // Consent given at intake: the complaint waits for the ICB's routing decision, not for consent.
        var complaint = await RecordAsync("handler.qkk", new
        {
            organisationCode = "QKK", aboutOrganisationCodes = new[] { "RJ1" }, channel = "Letter", receivedOn = Today,
            shareWithProviderConsent = "GIVEN", complainant = new { name = "Uma Reid", email }, description = "My test results were lost.",
        });
        await KnownAsync(complaint.Id);
        Assert.Empty(await MessagesAboutAsync(complaint.Id));

        // An announcement that it waits for consent, as if the answer had been recorded after it and before its letter went.
        await OwnQueues.SendAsync(Bus, "correspondence", Submitted(complaint.Id, complaint.Reference, "QKK", ComplaintChannel.Letter, ComplaintRoute.AwaitingConsent));

        var stored = await SettledAsync(complaint.Id, MessageTemplates.ConsentRequest, MessageStatus.NotSent);
        Assert.Equal("The complaint no longer waits for consent to share at intake (AwaitingRoutingDecision): the complainant is not asked for it.", stored.Reason);
        Assert.Empty(await Letters.MailToAsync(email, expected: 0));
    }

    [Fact]
    public async Task WhatAnOrganisationSentAboutAComplaint_IsListedWithItsOwnCase_AndNotWithAnotherOrganisations()
    {
        var email = NewAddress();
        var complaint = await ToTheIcbAsync(email, receivedOn: DaysAgo(2));
        await Letters.MailToAsync(email, expected: 1);
        await TransferToTheProviderAsync(complaint);
        await Letters.MailToAsync(email, expected: 2);
        // The case service opened a case at the ICB as the complaint arrived, and one at the provider on the transfer.
        await SentAsync(complaint.Id, count: 3);
        var icbCase = await CaseOpenedAsync(complaint, "QKK");
        var providerCase = await CaseOpenedAsync(complaint, "RJ1");

        var listed = await Letters.ListAsync(await system.TokenAsync("handler.qkk"), icbCase);
        Assert.Equal(
            [("consent-awaited", "ComplaintsTeam"), ("consent-request", "Complainant"), ("transfer-notice", "Complainant")],
            listed.Select(m => (m.GetProperty("template").GetString()!, m.GetProperty("recipient").GetString()!)).Order());
        Assert.All(listed, m => Assert.Equal("Sent", m.GetProperty("status").GetString()));
        Assert.DoesNotContain("@", string.Join(' ', listed.Select(m => m.GetRawText())), StringComparison.Ordinal);
        // The provider never sees the ICB's letters, sent before it had the complaint.
        Assert.Empty(await Letters.ListAsync(await system.TokenAsync("handler.rj1"), providerCase));
        using var provider = system.Http(await system.TokenAsync("handler.rj1"));
        Assert.Equal(HttpStatusCode.NotFound, (await provider.GetAsync(new Uri($"/api/v1/correspondence/cases/{icbCase}/messages", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task TheWrittenRecord_IsListedWithTheCaseOfTheOrganisationThatWroteIt()
    {
        var email = NewAddress();
        var complaint = await RecordAsync("handler.rj1", new
        {
            organisationCode = "RJ1", channel = "Phone", receivedOn = Today,
            complainant = new { name = "Vic Moss", email }, description = "I was sent home without my medication.",
        });
        await SentAsync(complaint.Id, count: 1);
        var caseId = await CaseOpenedAsync(complaint, "RJ1");

        var listed = Assert.Single(await Letters.ListAsync(await system.TokenAsync("handler.rj1"), caseId));
        Assert.Equal(("oral-complaint-record", "Complainant", "Sent", "Email"),
            (listed.GetProperty("template").GetString(), listed.GetProperty("recipient").GetString(), listed.GetProperty("status").GetString(), listed.GetProperty("channel").GetString()));
    }

    private sealed record RecordedComplaint(Guid Id, string Reference);

    private static string NewAddress() => $"complainant.{Guid.NewGuid():N}@example.org";

    private static ComplaintSubmitted Submitted(Guid complaintId, string reference, string organisation, ComplaintChannel channel, ComplaintRoute route) => new()
    {
        ComplaintId = complaintId, Reference = reference, OrganisationCode = organisation, HandlingOrganisationCode = organisation,
        AboutOrganisationCodes = organisation == "QKK" ? ["RJ1"] : [], Route = route, Channel = channel,
        ReceivedOn = DateOnly.ParseExact(Today, "yyyy-MM-dd", CultureInfo.InvariantCulture), SubmittedAt = DateTimeOffset.UtcNow,
    };

    private async Task<RecordedComplaint> RecordAsync(string user, object complaint)
    {
        using var staff = system.Intake.Http(await system.TokenAsync(user));
        var created = await ApiCalls.PostAsync(staff, "/api/v1/complaints", complaint, HttpStatusCode.Created);
        return new RecordedComplaint(created.GetProperty("id").GetGuid(), created.GetProperty("reference").GetString()!);
    }

    /// <summary>A complaint made to the ICB about a provider it commissions, recorded by its team without consent asked yet (Reg 7(3)).</summary>
    private Task<RecordedComplaint> ToTheIcbAsync(string email, string receivedOn) => RecordAsync("handler.qkk", new
    {
        organisationCode = "QKK", aboutOrganisationCodes = new[] { "RJ1" }, channel = "Letter", receivedOn,
        complainant = new { name = "Tess Grant", email, contactPreference = "Email" },
        description = "The hospital lost my referral.",
    });

    private async Task TransferToTheProviderAsync(RecordedComplaint complaint)
    {
        using var icb = system.Intake.Http(await system.TokenAsync("handler.qkk"));
        await ApiCalls.PostAsync(icb, $"/api/v1/complaints/{complaint.Id}/consent", new { given = true });
        await ApiCalls.PostAsync(icb, $"/api/v1/complaints/{complaint.Id}/routing", new { decision = "Transfer", toOrganisationCode = "RJ1" });
    }

    private async Task<Guid> CaseOpenedAsync(RecordedComplaint complaint, string organisation)
    {
        var caseId = Guid.NewGuid();
        await OwnQueues.SendAsync(Bus, "correspondence", new CaseOpened
        {
            CaseId = caseId, ComplaintId = complaint.Id, Reference = complaint.Reference, OrganisationCode = organisation,
            ReceivedOn = DateOnly.ParseExact(Today, "yyyy-MM-dd", CultureInfo.InvariantCulture), AcknowledgementDueBy = DateOnly.ParseExact(Today, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(3),
            OpenedAt = DateTimeOffset.UtcNow,
        });
        await Eventually.TrueAsync(() => system.InDb(db => db.Cases.AnyAsync(c => c.CaseId == caseId)), Patience, "the case is known");
        return caseId;
    }

    private Task<List<SentMessage>> MessagesAboutAsync(Guid complaintId) =>
        system.InDb(db => db.Messages.AsNoTracking().Where(m => m.ComplaintId == complaintId).OrderBy(m => m.QueuedAt).ToListAsync());

    private async Task<KnownComplaint> KnownAsync(Guid complaintId)
    {
        KnownComplaint? found = null;
        await Eventually.TrueAsync(async () =>
        {
            found = await system.InDb(db => db.Complaints.AsNoTracking().SingleOrDefaultAsync(c => c.ComplaintId == complaintId));
            return found is not null;
        }, Patience, "intake's ComplaintSubmitted is consumed");
        return found!;
    }

    /// <summary>The messages about the complaint, once there are <paramref name="count"/> and every one is recorded as sent (which follows the send).</summary>
    private async Task<List<SentMessage>> SentAsync(Guid complaintId, int count)
    {
        List<SentMessage> found = [];
        await Eventually.TrueAsync(async () =>
        {
            found = await MessagesAboutAsync(complaintId);
            return found.Count == count && found.All(m => m.Status == MessageStatus.Sent);
        }, Patience, $"{count} message(s) are recorded as sent");
        return found;
    }

    private async Task<SentMessage> SettledAsync(Guid complaintId, string template, MessageStatus status)
    {
        SentMessage? found = null;
        await Eventually.TrueAsync(async () =>
        {
            found = await system.InDb(db => db.Messages.AsNoTracking().SingleOrDefaultAsync(m => m.ComplaintId == complaintId && m.Template == template));
            return found?.Status == status;
        }, Patience, $"the {template} is {status}");
        return found!;
    }

    /// <summary>Waits until the event's inbox row is written: it was consumed, with whatever it queued, in one transaction.</summary>
    private Task ConsumedAsync(Guid eventId) => Eventually.TrueAsync(
        () => system.InDb(db => db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM correspondence.inbox_messages WHERE message_id = {eventId}").SingleAsync())
            .ContinueWith(t => t.Result == 1, TaskScheduler.Default),
        Patience, "the event is consumed");

    /// <summary>Waits until a message queued after everything so far has been sent: whatever came before has had its chance to send.</summary>
    private async Task AfterTheQueueHasMovedOnAsync()
    {
        var email = NewAddress();
        await RecordAsync("handler.rj1", new
        {
            organisationCode = "RJ1", channel = "Phone", receivedOn = Today,
            complainant = new { name = "Wyn Park", email }, description = "A marker complaint.",
        });
        await Letters.MailToAsync(email, expected: 1);
    }

}
