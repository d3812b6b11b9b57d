using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.TestKit;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using UglyToad.PdfPig;

namespace IcsComplaints.Correspondence.Tests;

/// <summary>A complaint recorded at intake.</summary>
public sealed record RecordedComplaint(Guid Id, string Reference);

/// <summary>What the complainant-letter tests do: record a complaint, announce its case, read the mail that arrives.</summary>
public sealed class LetterSteps(CorrespondenceSystem system)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>An address no other test writes to.</summary>
    public static string NewAddress() => $"complainant.{Guid.NewGuid():N}@example.org";

    /// <summary>Records an e-mailed complaint at RJ1 from the complainant given, with the needs given.</summary>
    public async Task<RecordedComplaint> ComplaintAsync(object complainant, string[]? needs = null)
    {
        using var staff = system.Intake.Http(await system.TokenAsync("handler.rj1"));
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var created = await ApiCalls.PostAsync(staff, "/api/v1/complaints", new
        {
            organisationCode = "RJ1",
            channel = "Email",
            receivedOn = today,
            complainant,
            adjustments = needs is null ? null : new { needs },
            description = "My appointment was cancelled three times without a reason.",
        }, HttpStatusCode.Created);
        return new RecordedComplaint(created.GetProperty("id").GetGuid(), created.GetProperty("reference").GetString()!);
    }

    /// <summary>Announces a case of the complaint to the service, as case does when it opens one, and waits until it is known.</summary>
    public async Task<Guid> CaseOpenedAsync(RecordedComplaint complaint)
    {
        var caseId = Guid.NewGuid();
        await OwnQueues.SendAsync(system.Service.Services.GetRequiredService<IBus>(), "correspondence", new CaseOpened
        {
            CaseId = caseId, ComplaintId = complaint.Id, Reference = complaint.Reference, OrganisationCode = "RJ1",
            ReceivedOn = new DateOnly(2026, 12, 1), AcknowledgementDueBy = new DateOnly(2026, 12, 4), OpenedAt = DateTimeOffset.UtcNow,
        });
        await Eventually.TrueAsync(() => system.InDb(db => db.Cases.AnyAsync(c => c.CaseId == caseId)), Patience, "the case is known");
        return caseId;
    }

    /// <summary>The e-mails to the address (about the subject text, when given), once at least <paramref name="expected"/> have arrived.</summary>
    public async Task<List<CaughtMail>> MailToAsync(string address, int expected, string? about = null)
    {
        List<CaughtMail> found = [];
        await Eventually.TrueAsync(async () =>
        {
            found = [.. (await system.Mail.MessagesAsync())
                .Where(m => m.To.Contains(address, StringComparer.OrdinalIgnoreCase) && (about is null || m.Subject.Contains(about, StringComparison.Ordinal)))];
            return found.Count >= expected;
        }, Patience, $"{expected} e-mail(s) to the address arrive");
        return found;
    }

    /// <summary>The e-mails whose subject names the reference, once at least <paramref name="expected"/> have arrived.</summary>
    public async Task<List<CaughtMail>> MailAboutAsync(string reference, int expected)
    {
        List<CaughtMail> found = [];
        await Eventually.TrueAsync(async () =>
        {
            found = [.. (await system.Mail.MessagesAsync()).Where(m => m.Subject.Contains(reference, StringComparison.Ordinal))];
            return found.Count >= expected;
        }, Patience, $"{expected} e-mail(s) about {reference} arrive");
        return found;
    }

    /// <summary>The case's messages as its staff list them, with the token given.</summary>
    public async Task<List<JsonElement>> ListAsync(string token, Guid caseId)
    {
        using var http = system.Http(token);
        var page = await http.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/correspondence/cases/{caseId}/messages", UriKind.Relative));
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    /// <summary>The e-mail's one attachment, a PDF, opened.</summary>
    public async Task<PdfDocument> PdfOfAsync(CaughtMail mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        Assert.Equal(1, mail.AttachmentCount);
        using var raw = new MemoryStream(Encoding.UTF8.GetBytes(await system.Mail.RawAsync(mail.Id)));
        var message = await MimeMessage.LoadAsync(raw);
        var part = Assert.Single(message.Attachments.OfType<MimePart>());
        Assert.Equal("application/pdf", part.ContentType.MimeType);
        using var content = new MemoryStream();
        await part.Content!.DecodeToAsync(content);
        return PdfDocument.Open(content.ToArray());
    }

    /// <summary>The text of every page of the PDF.</summary>
    public static string TextOf(PdfDocument pdf) => string.Join(' ', (pdf ?? throw new ArgumentNullException(nameof(pdf))).GetPages().Select(p => p.Text));
}
