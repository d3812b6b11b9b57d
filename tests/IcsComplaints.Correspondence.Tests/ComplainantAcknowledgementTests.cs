using System.Net;
using System.Net.Http.Json;
using Grpc.Core;
using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.Correspondence.Domain.Messages;
using IcsComplaints.Intake.Contracts.Grpc.V1;
using IcsComplaints.Platform.Audit;
using IcsComplaints.TestKit;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IcsComplaints.Correspondence.Tests;

/// <summary>
/// The complainant's acknowledgement (Reg 13) really sent when case announces it: the address read from intake at
/// send time under the service's own identity, audited there with its purpose; the letter attached as a PDF, in
/// large print when asked for, or posted through the print mailbox; nothing sent without a route or to a complaint
/// no longer open; once however often the event arrives. The service's token opens nothing else.
/// </summary>
public sealed class ComplainantAcknowledgementTests(CorrespondenceSystem system)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly DateOnly ResponseDue = new(2027, 1, 15);

    private IBus Bus => system.Service.Services.GetRequiredService<IBus>();

    private LetterSteps Letters { get; } = new(system);

    [Fact]
    public async Task AnAcknowledgedCase_SendsTheComplainantOneEmail_WithTheLetterAsAPdfQuotingTheReferenceAndResponseDate()
    {
        var email = LetterSteps.NewAddress();
        var complaint = await Letters.ComplaintAsync(new { name = "Ada Morgan", email, contactPreference = "Email" });
        var caseId = await Letters.CaseOpenedAsync(complaint);

        await OwnQueues.SendAsync(Bus, "correspondence", Acknowledged(caseId, complaint.Id, ResponseDue));

        var mail = Assert.Single(await Letters.MailToAsync(email, expected: 1));
        Assert.Equal($"Your complaint {complaint.Reference}: we have received it", mail.Subject);
        using var pdf = await Letters.PdfOfAsync(mail);
        var text = string.Join(' ', pdf.GetPages().Select(p => p.Text));
        Assert.Contains(complaint.Reference, text, StringComparison.Ordinal);
        Assert.Contains("15 January 2027", text, StringComparison.Ordinal);
        Assert.Contains("Ada Morgan", text, StringComparison.Ordinal);
        Assert.True(pdf.GetPages().SelectMany(p => p.Letters).Where(l => l.Value.Trim().Length > 0).Max(l => l.PointSize) < 18, "standard print");

        var stored = await system.InDb(db => db.Messages.AsNoTracking().SingleAsync(m => m.CaseId == caseId));
        Assert.Equal((MessageTemplates.Acknowledgement, RecipientRole.Complainant, MessageStatus.Sent, MessageChannel.Email, false),
            (stored.Template, stored.RecipientRole, stored.Status, stored.Channel, stored.LargePrint));
        // The address is read when sending and kept nowhere in this service.
        Assert.DoesNotContain("@", string.Join(' ', stored.Facts.Values), StringComparison.Ordinal);
        Assert.DoesNotContain(system.Capture.Logs, l => l.Contains(email, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(system.Capture.SpanTexts, s => s.Contains(email, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(system.Capture.Messages, m => m.Contains(email, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task IntakeAuditsTheRead_AsTheCorrespondenceServiceReadingForTheAcknowledgement()
    {
        var email = LetterSteps.NewAddress();
        var complaint = await Letters.ComplaintAsync(new { name = "Ben Okafor", email });
        var caseId = await Letters.CaseOpenedAsync(complaint);

        await OwnQueues.SendAsync(Bus, "correspondence", Acknowledged(caseId, complaint.Id, null));
        await Letters.MailToAsync(email, expected: 1);

        var read = Assert.Single(await system.InIntakeDb(db => db.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.ResourceId == complaint.Id.ToString() && e.Action == AuditAction.Read).ToListAsync()));
        Assert.Equal(("correspondence", null, "correspondence-service", "RJ1"), (read.ActorId, read.ActorOrganisation, read.ActorRoles, read.ResourceOrganisation));
        Assert.EndsWith("GetComplainantContact for acknowledgement", read.Route, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AComplainantWhoAskedForLargePrint_GetsTheLetterInLargePrint()
    {
        var email = LetterSteps.NewAddress();
        var complaint = await Letters.ComplaintAsync(new { name = "Cora Lind", email, contactPreference = "Email" }, needs: ["LargePrint"]);
        var caseId = await Letters.CaseOpenedAsync(complaint);

        await OwnQueues.SendAsync(Bus, "correspondence", Acknowledged(caseId, complaint.Id, ResponseDue));

        using var pdf = await Letters.PdfOfAsync(Assert.Single(await Letters.MailToAsync(email, expected: 1)));
        var body = pdf.GetPages().SelectMany(p => p.Letters).Where(l => l.Value.Trim().Length > 0).ToList();
        Assert.True(body.Min(l => l.PointSize) >= 17.5, $"every letter is at least 18 pt, the smallest is {body.Min(l => l.PointSize)}");
        Assert.True(await system.InDb(db => db.Messages.Where(m => m.CaseId == caseId).Select(m => m.LargePrint).SingleAsync()));
    }

    [Fact]
    public async Task AComplainantWhoAskedForLetters_IsSentAPrintedLetter_ThroughThePrintMailbox_NotAnEmail()
    {
        var email = LetterSteps.NewAddress();
        var complaint = await Letters.ComplaintAsync(new
        {
            name = "Dev Patel", email, contactPreference = "Letter",
            address = new { line1 = "12 Demo Road", town = "London", postcode = "SE1 7EH" },
        });
        var caseId = await Letters.CaseOpenedAsync(complaint);

        await OwnQueues.SendAsync(Bus, "correspondence", Acknowledged(caseId, complaint.Id, ResponseDue));

        var printed = Assert.Single(await Letters.MailToAsync(CorrespondenceSystem.PrintMailbox, expected: 1, about: complaint.Reference));
        using var pdf = await Letters.PdfOfAsync(printed);
        var text = string.Join(' ', pdf.GetPages().Select(p => p.Text));
        Assert.Contains("12 Demo Road", text, StringComparison.Ordinal);
        Assert.Contains(complaint.Reference, text, StringComparison.Ordinal);
        Assert.Equal(MessageChannel.Post, await system.InDb(db => db.Messages.Where(m => m.CaseId == caseId).Select(m => m.Channel).SingleAsync()));
        Assert.Empty(await Letters.MailToAsync(email, expected: 0));
    }

    [Fact]
    public async Task AComplainantWithNoEmailOrPostalAddress_IsSentNothing_AndTheMessageSaysWhy()
    {
        var complaint = await Letters.ComplaintAsync(new { name = "Eli Shaw", phone = "020 7946 0456", contactPreference = "Phone" });
        var caseId = await Letters.CaseOpenedAsync(complaint);

        await OwnQueues.SendAsync(Bus, "correspondence", Acknowledged(caseId, complaint.Id, null));

        var stored = await NotSentAsync(caseId);
        Assert.Equal("Intake holds no e-mail or postal address for the complainant.", stored.Reason);
        Assert.DoesNotContain(await system.Mail.MessagesAsync(), m => m.Subject.Contains(complaint.Reference, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AWithdrawnComplaint_IsNotWrittenAbout()
    {
        var email = LetterSteps.NewAddress();
        var complaint = await Letters.ComplaintAsync(new { name = "Fay Rhodes", email });
        using var staff = system.Intake.Http(await system.TokenAsync("handler.rj1"));
        await ApiCalls.PostAsync(staff, $"/api/v1/complaints/{complaint.Id}/withdrawal", new { });
        var caseId = await Letters.CaseOpenedAsync(complaint);

        await OwnQueues.SendAsync(Bus, "correspondence", Acknowledged(caseId, complaint.Id, null));

        var stored = await NotSentAsync(caseId);
        Assert.Equal("The complaint is no longer open at intake (Withdrawn): the complainant is not written to about it.", stored.Reason);
        Assert.Empty(await Letters.MailToAsync(email, expected: 0));
    }

    [Fact]
    public async Task TheAcknowledgementDeliveredTwice_IsSentOnce()
    {
        var email = LetterSteps.NewAddress();
        var complaint = await Letters.ComplaintAsync(new { name = "Gus Hale", email });
        var caseId = await Letters.CaseOpenedAsync(complaint);
        var acknowledged = Acknowledged(caseId, complaint.Id, ResponseDue);
        var eventId = NewId.NextGuid();

        await OwnQueues.SendAsync(Bus, "correspondence", acknowledged, eventId);
        await Letters.MailToAsync(email, expected: 1);
        await OwnQueues.SendAsync(Bus, "correspondence", acknowledged, eventId);
        // A later complainant's letter has gone, so the redelivery before it has had its chance to send.
        var later = LetterSteps.NewAddress();
        var next = await Letters.ComplaintAsync(new { name = "Hal Marsh", email = later });
        await OwnQueues.SendAsync(Bus, "correspondence", Acknowledged(await Letters.CaseOpenedAsync(next), next.Id, null));
        await Letters.MailToAsync(later, expected: 1);

        Assert.Single(await Letters.MailToAsync(email, expected: 1));
        Assert.Equal(1, await system.InDb(db => db.Messages.CountAsync(m => m.CaseId == caseId)));
    }

    [Fact]
    public async Task TheServicesOwnToken_ReadsAContactWithAPurpose_AndIsRefusedEverywhereElse()
    {
        var complaint = await Letters.ComplaintAsync(new { name = "Ivy Stone", email = LetterSteps.NewAddress() });
        var token = await system.CorrespondenceTokenAsync();
        var headers = new Metadata { { "authorization", "Bearer " + token } };
        var records = new ComplaintRecordsService.ComplaintRecordsServiceClient(system.Intake.CreateGrpcChannel());

        var contact = await records.GetComplainantContactAsync(new GetComplainantContactRequest { ComplaintId = complaint.Id.ToString(), Purpose = "acknowledgement" }, headers);
        Assert.Equal(("Ivy Stone", "Open"), (contact.Name, contact.State));
        var noPurpose = await Assert.ThrowsAsync<RpcException>(async () =>
            await records.GetComplainantContactAsync(new GetComplainantContactRequest { ComplaintId = complaint.Id.ToString() }, headers));
        Assert.Equal(StatusCode.InvalidArgument, noPurpose.StatusCode);

        var search = await Assert.ThrowsAsync<RpcException>(async () =>
            await records.SearchComplaintsAsync(new SearchComplaintsRequest { Reference = complaint.Reference }, headers));
        Assert.Equal(StatusCode.PermissionDenied, search.StatusCode);
        using var intake = system.Intake.Http(token);
        Assert.Equal(HttpStatusCode.Forbidden, (await intake.GetAsync(new Uri($"/api/v1/complaints/{complaint.Id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await intake.GetAsync(new Uri("/api/v1/complaints", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await intake.PostAsJsonAsync(new Uri($"/api/v1/complaints/{complaint.Id}/withdrawal", UriKind.Relative), new { })).StatusCode);
        using var correspondence = system.Http(token);
        Assert.Equal(HttpStatusCode.Forbidden, (await correspondence.GetAsync(new Uri($"/api/v1/correspondence/cases/{Guid.NewGuid()}/messages", UriKind.Relative))).StatusCode);
        // The refused calls read nothing: intake audited the one read above only.
        Assert.Single(await system.InIntakeDb(db => db.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.ResourceId == complaint.Id.ToString() && e.Action == AuditAction.Read).ToListAsync()));
    }

    private static CaseAcknowledged Acknowledged(Guid caseId, Guid complaintId, DateOnly? responseDueBy) => new()
    {
        CaseId = caseId, ComplaintId = complaintId, OrganisationCode = "RJ1", AcknowledgedOn = new DateOnly(2026, 12, 3),
        DueBy = new DateOnly(2026, 12, 4), InTime = true, ResponseDueBy = responseDueBy, UpdateEveryWorkingDays = responseDueBy is null ? null : 10,
    };

    private async Task<SentMessage> NotSentAsync(Guid caseId)
    {
        SentMessage? found = null;
        await Eventually.TrueAsync(async () =>
        {
            found = await system.InDb(db => db.Messages.AsNoTracking().SingleOrDefaultAsync(m => m.CaseId == caseId));
            return found?.Status == MessageStatus.NotSent;
        }, Patience, "the acknowledgement is recorded as not sent");
        return found!;
    }
}
