using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using IcsComplaints.Calendar;
using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.Correspondence.Domain.Messages;
using IcsComplaints.Platform.Audit;
using IcsComplaints.TestKit;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IcsComplaints.TestKit.CaseApiSteps;

namespace IcsComplaints.Correspondence.Tests;

/// <summary>
/// The letters that follow the acknowledgement, each sent because case announced a step: the final response as it was
/// signed, ending with the way to the Ombudsman (Reg 14); the survey invitation when the case is closed, whose link
/// opens the complainant's survey once; a changed response date (Reg 13(7)-(8)); a paused clock, with its reason.
/// </summary>
public sealed partial class ComplainantLettersOverACaseTests(CorrespondenceSystem system)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private LetterSteps Letters { get; } = new(system);

    private IBus Bus => system.Service.Services.GetRequiredService<IBus>();

    private static DateOnly Today => LondonTime.Today(TimeProvider.System);

    [Fact]
    public async Task ASentFinalResponse_ReachesTheComplainant_AsTheSignedLetter_WithTheWayToTheOmbudsman()
    {
        var email = LetterSteps.NewAddress();
        var (caseId, reference) = await ResponseSentAsync("Olu Final", email);

        var mail = Assert.Single(await Letters.MailToAsync(email, expected: 1, about: "our final response"));
        Assert.Equal($"Your complaint {reference}: our final response", mail.Subject);
        using var pdf = await Letters.PdfOfAsync(mail);
        // The PDF's text runs its lines together, the e-mail's wraps them: both are compared without line breaks.
        var printed = Whitespace().Replace(LetterSteps.TextOf(pdf), "");
        var written = Whitespace().Replace(await system.Mail.PlainTextAsync(mail.Id), " ");
        foreach (var expected in new[]
        {
            reference, "Olu Final", "They were cancelled without a reason given.", "We are sorry.", "Rhys Responsible",
            "This is our final response to your complaint.", "Parliamentary and Health Service Ombudsman", "0345 015 4033",
        })
        {
            Assert.Contains(Whitespace().Replace(expected, ""), printed, StringComparison.Ordinal);
            Assert.Contains(expected, written, StringComparison.Ordinal);
        }
        var stored = await system.InDb(db => db.Messages.AsNoTracking().SingleAsync(m => m.CaseId == caseId && m.Template == MessageTemplates.FinalResponse));
        Assert.Equal((MessageStatus.Sent, MessageChannel.Email), (stored.Status, stored.Channel));

        // Case audits the read as the correspondence service's, of the case's organisation.
        var read = await system.InCaseDb(db => db.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.ResourceId == caseId.ToString() && e.Action == AuditAction.Read && e.ActorId == "correspondence").ToListAsync());
        Assert.Contains(read, e => e.ActorRoles == "correspondence-service" && e.ResourceOrganisation == "RJ1");
    }

    [Fact]
    public async Task AComplaintResolvedEarly_IsConfirmedInWriting_WithWhatWasAgreed_TheOfferOfACloserLook_AndTheWayToTheOmbudsman()
    {
        var email = LetterSteps.NewAddress();
        using var handler = system.HandlingHttp(await system.TokenAsync("handler.rj1"));
        var received = Today.AddDays(-2);
        var caseId = await OpenCaseAsync(handler, received, "Ezra Early", email);
        await StepAsync(handler, caseId, "acknowledgement", new { acknowledgedOn = Iso(received), channel = "Phone", discussionOffered = true });
        await StepAsync(handler, caseId, "early-resolution", new { startedOn = Iso(received) });
        await StepAsync(handler, caseId, "early-resolution/resolution", new
        {
            resolvedOn = Iso(Today), channel = "Phone", discussed = "Why the clinic letter did not arrive.",
            agreed = "A new appointment on Friday, and we will check the address we hold.", outcome = "Upheld",
        });

        var mail = Assert.Single(await Letters.MailToAsync(email, expected: 1, about: "what we agreed"));
        using var pdf = await Letters.PdfOfAsync(mail);
        var printed = Whitespace().Replace(LetterSteps.TextOf(pdf), "");
        var written = Whitespace().Replace(await system.Mail.PlainTextAsync(mail.Id), " ");
        foreach (var expected in new[]
        {
            "Dear Ezra Early,", "when we spoke on the telephone", "Why the clinic letter did not arrive.", "A new appointment on Friday, and we will check the address we hold.",
            "your complaint is upheld", "we will then take a closer look", "Parliamentary and Health Service Ombudsman", "0345 015 4033",
        })
        {
            Assert.Contains(Whitespace().Replace(expected, ""), printed, StringComparison.OrdinalIgnoreCase);
            Assert.Contains(expected, written, StringComparison.OrdinalIgnoreCase);
        }
        // It is the response: no letter of findings is owed beside it.
        Assert.False(await system.InDb(db => db.Messages.AnyAsync(m => m.CaseId == caseId && m.Template == MessageTemplates.FinalResponse)));
    }

    [Fact]
    public async Task AClosedCase_InvitesTheComplainantToTheSurvey_WithALinkThatOpensItOnce()
    {
        var email = LetterSteps.NewAddress();
        var (caseId, reference) = await ResponseSentAsync("Pia Survey", email);
        using var handler = system.HandlingHttp(await system.TokenAsync("handler.rj1"));
        await StepAsync(handler, caseId, "coding", new
        {
            subjects = new[] { "Appointments" }, serviceArea = "Medical", professions = new[] { "Administrative and clerical" }, ageBand = "56-64", complainantStatus = "Patient",
        }, put: true);
        await StepAsync(handler, caseId, "closure", new { });

        var mail = Assert.Single(await Letters.MailToAsync(email, expected: 1, about: "tell us how we handled it"));
        Assert.Equal($"Your complaint {reference}: tell us how we handled it", mail.Subject);
        var body = await system.Mail.PlainTextAsync(mail.Id);
        var link = SurveyLink().Match(body);
        Assert.True(link.Success, body);
        Assert.StartsWith(CorrespondenceSystem.PortalAddress + "survey/link/", link.Value, StringComparison.Ordinal);
        var code = Uri.UnescapeDataString(link.Groups["code"].Value);

        using var anyone = system.HandlingHttp();
        using (var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/surveys/link", UriKind.Relative)))
        {
            request.Headers.Add("X-Survey-Code", code);
            using var opened = await anyone.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        }
        Assert.Equal(1, await system.InCaseDb(db => db.SurveyInvitations.CountAsync(i => i.CaseId == caseId)));
        // The code travels in the letter only: not in what this service keeps, logs or traces.
        var stored = await system.InDb(db => db.Messages.AsNoTracking().SingleAsync(m => m.CaseId == caseId && m.Template == MessageTemplates.SurveyInvitation));
        Assert.DoesNotContain(code, string.Join(' ', stored.Facts.Values), StringComparison.Ordinal);
        Assert.DoesNotContain(system.Capture.Logs, l => l.Contains(code, StringComparison.Ordinal));
        Assert.DoesNotContain(system.Capture.SpanTexts, s => s.Contains(code, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARenegotiatedResponseDate_IsWrittenToTheComplainant_ButNotTheFirstAgreement()
    {
        var email = LetterSteps.NewAddress();
        var complaint = await Letters.ComplaintAsync(new { name = "Quin Date", email, contactPreference = "Email" });
        var caseId = await Letters.CaseOpenedAsync(complaint);

        await OwnQueues.SendAsync(Bus, "correspondence", Agreed(caseId, complaint.Id, new DateOnly(2027, 1, 20), renegotiation: 0));
        await OwnQueues.SendAsync(Bus, "correspondence", Agreed(caseId, complaint.Id, new DateOnly(2027, 2, 10), renegotiation: 1));

        var mail = Assert.Single(await Letters.MailToAsync(email, expected: 1));
        Assert.Equal($"Your complaint {complaint.Reference}: a new date for our response", mail.Subject);
        using var pdf = await Letters.PdfOfAsync(mail);
        Assert.Contains("by 10 February 2027", LetterSteps.TextOf(pdf), StringComparison.Ordinal);
        Assert.Equal(
            [MessageTemplates.ResponseDateChanged],
            await system.InDb(db => db.Messages.Where(m => m.CaseId == caseId).Select(m => m.Template).ToListAsync()));
    }

    [Fact]
    public async Task APausedClock_IsExplainedToTheComplainant_ByTheReasonForIt()
    {
        var email = LetterSteps.NewAddress();
        var complaint = await Letters.ComplaintAsync(new { name = "Rae Pause", email, contactPreference = "Email" });
        var caseId = await Letters.CaseOpenedAsync(complaint);

        await OwnQueues.SendAsync(Bus, "correspondence", new CaseClockPaused
        {
            CaseId = caseId, ComplaintId = complaint.Id, OrganisationCode = "RJ1", Reason = "ParallelProcess", From = new DateOnly(2026, 12, 8),
        });

        var mail = Assert.Single(await Letters.MailToAsync(email, expected: 1));
        Assert.Equal($"Your complaint {complaint.Reference}: we have paused our work on it", mail.Subject);
        var text = await system.Mail.PlainTextAsync(mail.Id);
        Assert.Contains("police investigation", text, StringComparison.Ordinal);
        Assert.Contains("8 December 2026", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUpdateOwedOnSchedule_TellsTheComplainantWhereTheCaseStandsAndWhenTheyWillHearNext()
    {
        var email = LetterSteps.NewAddress();
        var complaint = await Letters.ComplaintAsync(new { name = "Ugo Update", email, contactPreference = "Email" });
        var caseId = await Letters.CaseOpenedAsync(complaint);

        await OwnQueues.SendAsync(Bus, "correspondence", new ScheduledUpdateDue
        {
            CaseId = caseId, ComplaintId = complaint.Id, OrganisationCode = "RJ1", On = new DateOnly(2026, 12, 9), Stage = "CloserLook", Paused = true,
            ResponseDueBy = new DateOnly(2027, 1, 29), NextUpdateBy = new DateOnly(2026, 12, 16),
        });

        var mail = Assert.Single(await Letters.MailToAsync(email, expected: 1));
        Assert.Equal($"Your complaint {complaint.Reference}: an update on our progress", mail.Subject);
        var text = Regex.Replace(await system.Mail.PlainTextAsync(mail.Id), @"\s+", " ");
        Assert.Contains("Dear Ugo Update,", text, StringComparison.Ordinal);
        Assert.Contains("reading the records and talking to the people involved", text, StringComparison.Ordinal);
        Assert.Contains("Our work is paused", text, StringComparison.Ordinal);
        Assert.Contains("our response by 29 January 2027", text, StringComparison.Ordinal);
        Assert.Contains("write to you again by 16 December 2026", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhatWasSent_IsListedForWhoeverHoldsTheReferenceAndProgressCode_AndForNoOtherPair()
    {
        var email = LetterSteps.NewAddress();
        using var anonymous = system.Intake.Http();
        var submitted = await ApiCalls.PostAsync(anonymous, "/api/v1/complaints", new
        {
            organisationCode = "RJ1",
            complainant = new { name = "Sam Sent", email, contactPreference = "Email" },
            description = "Nobody told me my operation was cancelled.",
        }, HttpStatusCode.Created);
        var complaint = new RecordedComplaint(submitted.GetProperty("id").GetGuid(), submitted.GetProperty("reference").GetString()!);
        var secret = submitted.GetProperty("statusSecret").GetString()!;
        var caseId = await Letters.CaseOpenedAsync(complaint);
        await OwnQueues.SendAsync(Bus, "correspondence", new CaseAcknowledged
        {
            CaseId = caseId, ComplaintId = complaint.Id, OrganisationCode = "RJ1", AcknowledgedOn = new DateOnly(2026, 12, 3),
            DueBy = new DateOnly(2026, 12, 4), InTime = true,
        });
        await Letters.MailToAsync(email, expected: 1);

        using var http = system.Http();
        var (status, listed) = await SentToMeAsync(http, complaint.Reference, secret);
        Assert.Equal(HttpStatusCode.OK, status);
        var letter = Assert.Single(listed!.Value.GetProperty("items").EnumerateArray());
        Assert.Equal(("acknowledgement", "Acknowledgement of your complaint", "Email"),
            (letter.GetProperty("template").GetString(), letter.GetProperty("title").GetString(), letter.GetProperty("channel").GetString()));
        Assert.DoesNotContain(email, listed.Value.GetRawText(), StringComparison.OrdinalIgnoreCase);

        Assert.Equal(HttpStatusCode.NotFound, (await SentToMeAsync(http, complaint.Reference, secret[..^1] + (secret[^1] == 'A' ? 'B' : 'A'))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await SentToMeAsync(http, complaint.Reference, null)).Status);
    }

    private static async Task<(HttpStatusCode Status, System.Text.Json.JsonElement? Body)> SentToMeAsync(HttpClient http, string reference, string? secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/v1/correspondence/sent-to-me?reference={reference}", UriKind.Relative));
        if (secret is not null)
        {
            request.Headers.Add("X-Complaint-Secret", secret);
        }
        using var response = await http.SendAsync(request);
        return (response.StatusCode, response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>() : null);
    }

    // A complaint recorded at intake, opened as a case, and taken to its final response by the case's own steps.
    private async Task<(Guid CaseId, string Reference)> ResponseSentAsync(string name, string email)
    {
        using var handler = system.HandlingHttp(await system.TokenAsync("handler.rj1"));
        using var responsible = system.HandlingHttp(await system.TokenAsync("responsible.rj1"));
        var received = Today.AddDays(-10);
        var caseId = await OpenCaseAsync(handler, received, name, email);
        await SendEarlyResponseAsync(handler, responsible, caseId, received, Today);
        var reference = (await handler.GetFromJsonAsync<System.Text.Json.JsonElement>(new Uri($"/api/v1/cases/{caseId}", UriKind.Relative)))
            .GetProperty("reference").GetString()!;
        await Eventually.TrueAsync(() => system.InDb(db => db.Cases.AnyAsync(c => c.CaseId == caseId)), Patience, "the case is known");
        return (caseId, reference);
    }

    private static ResponseDateAgreed Agreed(Guid caseId, Guid complaintId, DateOnly dueBy, int renegotiation) => new()
    {
        CaseId = caseId, ComplaintId = complaintId, OrganisationCode = "RJ1", AgreedOn = new DateOnly(2026, 12, 7 + renegotiation),
        DueBy = dueBy, Renegotiation = renegotiation, WithComplainant = true,
    };

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"https://\S+/survey/link/(?<code>[A-Za-z0-9_%\-]+)")]
    private static partial Regex SurveyLink();
}
