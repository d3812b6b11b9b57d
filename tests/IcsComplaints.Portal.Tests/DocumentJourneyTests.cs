using System.Text;
using IcsComplaints.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace IcsComplaints.Portal.Tests;

/// <summary>
/// Files on a case in the browser (ADR 43): a handler adds meeting notes and downloads them, sees a file with a virus
/// refused and never offered, and sees the letters sent as documents; a complainant without an account sends a photo
/// with their reference and progress code, and is told at once when a file carries a virus.
/// </summary>
public sealed class DocumentJourneyTests(PortalSystem system, Browser browser)
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    [Fact]
    public async Task A_handler_adds_a_document_downloads_it_and_sees_an_infected_file_refused_and_the_letters_sent()
    {
        var (_, caseId) = await Personas.RecordComplaintAsync(system, "RJ1", "Dana Documents");
        var handler = await Personas.SignInAsync(system, browser, "handler.rj1", "documents");
        await handler.OpenAsync($"/staff/cases/{caseId}", "case");
        await handler.Page.GetByRole(AriaRole.Link, new() { Name = "Add a document", Exact = true }).ClickAsync();
        await handler.SeeAsync("add");

        // Nothing chosen: the error is beside the field, and in the summary.
        await handler.PressAsync("Add the document", "add-nothing");
        await Assertions.Expect(handler.Page.Locator(".nhsuk-error-summary")).ToContainTextAsync("Choose the file to add");

        // A web page dressed as a PDF is refused on the field, and nothing is added.
        await handler.Page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "notes.pdf", MimeType = "application/pdf", Buffer = Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>") });
        await handler.PressAsync("Add the document", "add-refused");
        await Assertions.Expect(handler.Page.Locator("#file-error")).ToContainTextAsync("The file must be a PDF");

        await handler.Page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "Meeting notes 3 March.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await handler.PressAsync("Add the document", "added");
        await Assertions.Expect(handler.Page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Document added");
        var documents = handler.Page.Locator("#documents");
        await Assertions.Expect(documents).ToContainTextAsync("Meeting notes 3 March.pdf");
        await Assertions.Expect(documents).ToContainTextAsync("Complaints team");
        var download = await handler.Page.RunAndWaitForDownloadAsync(() => documents.GetByRole(AriaRole.Link, new() { Name = "Meeting notes 3 March.pdf" }).ClickAsync());
        Assert.Equal("Meeting notes 3 March.pdf", download.SuggestedFilename);
        Assert.Equal(Pdf, await File.ReadAllBytesAsync(await download.PathAsync()));

        // The EICAR test file: kept apart, never offered for download, and the handler told why.
        await handler.OpenAsync($"/staff/cases/{caseId}/documents/add", "add-again");
        await handler.Page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "statement.txt", MimeType = "text/plain", Buffer = TestClamd.Eicar });
        await handler.PressAsync("Add the document", "quarantined");
        await Assertions.Expect(handler.Page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("the virus check found a virus in it");
        var infected = documents.Locator("tr", new() { HasText = "statement.txt" });
        await Assertions.Expect(infected).ToContainTextAsync("Virus found: not opened");
        await Assertions.Expect(infected.GetByRole(AriaRole.Link)).ToHaveCountAsync(0);

        // The acknowledgement letter, once sent, is a document on the case too.
        using (var api = await Personas.ApiAsync(system, "handler.rj1"))
        {
            using var acknowledged = await api.PostAsync(new Uri($"/api/v1/cases/{caseId}/acknowledgement", UriKind.Relative),
                System.Net.Http.Json.JsonContent.Create(new { acknowledgedOn = IcsComplaints.Calendar.LondonTime.Today(TimeProvider.System).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), discussionOffered = true, channel = "Letter" }));
            Assert.True(acknowledged.IsSuccessStatusCode, await acknowledged.Content.ReadAsStringAsync());
        }
        await Eventually.TrueAsync(() => system.InCorrespondenceDb(db => db.Messages.AnyAsync(m => m.CaseId == caseId && m.Template == "acknowledgement" && m.CopyKept)),
            TimeSpan.FromSeconds(60), "the acknowledgement letter is sent and its copy kept");
        await handler.OpenAsync($"/staff/cases/{caseId}", "letters");
        var letter = await handler.Page.RunAndWaitForDownloadAsync(() => documents.GetByRole(AriaRole.Link, new() { Name = "Acknowledgement letter (PDF)" }).ClickAsync());
        Assert.StartsWith("acknowledgement-", letter.SuggestedFilename, StringComparison.Ordinal);
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString((await File.ReadAllBytesAsync(await letter.PathAsync()))[..5]), StringComparison.Ordinal);
        Assert.Empty(handler.Violations);

        // Another organisation reaches neither the file nor the letter, through the gateway or the portal.
        var messageId = await system.InCorrespondenceDb(db => db.Messages.Where(m => m.CaseId == caseId && m.Template == "acknowledgement").Select(m => m.Id).SingleAsync());
        var documentId = await system.InCaseDb(db => db.CaseDocuments.Where(d => d.CaseId == caseId && d.FileName == "Meeting notes 3 March.pdf").Select(d => d.Id).SingleAsync());
        using var otherTrust = await Personas.ApiAsync(system, "handler.rjz");
        foreach (var path in new[] { $"/api/v1/cases/{caseId}/documents", $"/api/v1/cases/{caseId}/documents/{documentId}/content", $"/api/v1/correspondence/cases/{caseId}/messages/{messageId}/copy" })
        {
            using var refused = await otherTrust.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(System.Net.HttpStatusCode.NotFound, refused.StatusCode);
        }
        var stranger = await Personas.SignInAsync(system, browser, "handler.rjz", "documents-other");
        var page = await stranger.Page.GotoAsync($"{system.PublicAddress.ToString().TrimEnd('/')}/staff/cases/{caseId}/documents/{documentId}");
        Assert.Equal(404, page!.Status);
    }

    [Fact]
    public async Task A_complainant_sends_a_photo_with_their_reference_and_progress_code_and_is_told_when_a_file_has_a_virus()
    {
        var journey = new Journey(await browser.NewPageAsync(system.PublicAddress), "send-documents");
        var (reference, secret) = await ComplainantJourneyTests.ComplainForSelfAsync(journey, "The ward floor was wet and my father slipped.");
        await Eventually.TrueAsync(
            () => system.InIntakeDb(db => db.Complaints.AnyAsync(c => c.Reference == reference && c.CaseId != null)),
            TimeSpan.FromSeconds(60), "the complaint's case is open");

        await journey.OpenAsync("/send-documents", "start");
        await journey.FillAsync("reference", reference);
        await journey.FillAsync("secret", secret);
        var photo = new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01 };
        await journey.Page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "wet floor.jpg", MimeType = "image/jpeg", Buffer = photo });
        await journey.PressAsync("Send the file", "sent");
        await Assertions.Expect(journey.Page.Locator("#received")).ToContainTextAsync("wet floor.jpg is now part of your complaint");

        await journey.OpenAsync("/send-documents", "again");
        await journey.FillAsync("reference", reference);
        await journey.FillAsync("secret", secret);
        await journey.Page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "notes.txt", MimeType = "text/plain", Buffer = TestClamd.Eicar });
        await journey.PressAsync("Send the file", "virus");
        await Assertions.Expect(journey.Page.Locator("#quarantined")).ToContainTextAsync("A virus was found in notes.txt");
        await Assertions.Expect(journey.Page.Locator("#sent-files")).ToContainTextAsync("No: a virus was found");
        await Assertions.Expect(journey.Page.Locator("#sent-files")).ToContainTextAsync("wet floor.jpg");

        // A wrong code: nothing matched, said on the field, and nothing sent.
        await journey.OpenAsync("/send-documents", "wrong");
        await journey.FillAsync("reference", reference);
        await journey.FillAsync("secret", "WRONG-CODE");
        await journey.Page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "more.jpg", MimeType = "image/jpeg", Buffer = photo });
        await journey.PressAsync("Send the file", "wrong-code");
        await Assertions.Expect(journey.Page.Locator(".nhsuk-error-summary")).ToContainTextAsync("No complaint matches");
        Assert.Equal(2, await system.InCaseDb(db => db.CaseDocuments.CountAsync(d => d.Source == IcsComplaints.Case.Domain.Documents.DocumentSource.Complainant && d.FileName != "more.jpg" && (d.FileName == "wet floor.jpg" || d.FileName == "notes.txt"))));
        Assert.Empty(journey.Violations);
    }
}
