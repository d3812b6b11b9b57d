extern alias cases;

using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IcsComplaints.Calendar;
using IcsComplaints.Case.Contracts.Grpc.V1;
using IcsComplaints.Case.Domain.Documents;
using IcsComplaints.ComplaintHandling.Tests;
using IcsComplaints.Documents.Storage;
using IcsComplaints.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IcsComplaints.TestKit.CaseApiSteps;
using CaseDbContext = cases::IcsComplaints.Case.Api.Data.CaseDbContext;
using DocumentScanWorker = cases::IcsComplaints.Case.Api.Features.CaseDocuments.DocumentScanWorker;

namespace IcsComplaints.Case.Tests;

/// <summary>
/// Files on a case (ADR 43): typed from their content, renamed safely, kept within the limits, scanned by a real
/// clamd before anyone has them back, unreachable from another organisation, and sent by a complainant on their
/// reference and progress code.
/// </summary>
public sealed class CaseDocumentTests(ComplaintHandlingSystem system, ITestOutputHelper output)
{
    private static DateOnly Today => LondonTime.Today(TimeProvider.System);

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    [Fact]
    public async Task AFileAddedByStaff_IsTypedFromItsContent_RenamedSafely_ScannedClean_AndOnlyEverDownloadedAsAnAttachment()
    {
        using var handler = system.Http(await system.TokenAsync("handler.rj1"));
        var caseId = await OpenCaseAsync(handler, Today.AddDays(-3), "Dora Document");

        // Named as a program and sent as a web page, but the bytes are a PDF: it is kept and served as a PDF.
        var started = Stopwatch.GetTimestamp();
        using var added = await UploadAsync(handler, $"/api/v1/cases/{caseId}/documents", @"..\..\Meeting notes: 3 March<script>.exe", Pdf, "text/html");
        var elapsed = Stopwatch.GetElapsedTime(started);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var view = await added.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Meeting notes_ 3 March_script.pdf", view.GetProperty("fileName").GetString());
        Assert.Equal("PDF", view.GetProperty("type").GetString());
        Assert.Equal("Clean", view.GetProperty("scan").GetString());
        Assert.Equal("Staff", view.GetProperty("addedBy").GetString());
        Assert.Equal(Pdf.Length, view.GetProperty("sizeBytes").GetInt64());
        output.WriteLine($"clean PDF of {Pdf.Length} bytes: typed, stored and scanned clean in {elapsed.TotalMilliseconds:0} ms");

        using var download = await handler.GetAsync(new Uri($"/api/v1/cases/{caseId}/documents/{view.GetProperty("id").GetGuid()}/content", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("Meeting notes_ 3 March_script.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("sandbox", download.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());

        // Reading the file is a personal-data read, and audited as one.
        var documentId = view.GetProperty("id").GetGuid().ToString();
        Assert.True(await system.InCaseDb(db => db.Set<IcsComplaints.Platform.Audit.AuditEntry>()
            .AnyAsync(e => e.ResourceType == "case-document" && e.ResourceId == documentId && e.Action == IcsComplaints.Platform.Audit.AuditAction.Read)));
    }

    [Fact]
    public async Task AnInfectedFile_IsQuarantined_AndIsNeverDownloadable_ByAnyone()
    {
        using var handler = system.Http(await system.TokenAsync("handler.rj1"));
        var caseId = await OpenCaseAsync(handler, Today.AddDays(-3), "Ivor Infected");

        var started = Stopwatch.GetTimestamp();
        using var added = await UploadAsync(handler, $"/api/v1/cases/{caseId}/documents", "statement.txt", TestClamd.Eicar, "text/plain");
        var elapsed = Stopwatch.GetElapsedTime(started);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var view = await added.Content.ReadFromJsonAsync<JsonElement>();
        // The uploader is told at once.
        Assert.Equal("Quarantined", view.GetProperty("scan").GetString());
        output.WriteLine($"EICAR test file of {TestClamd.Eicar.Length} bytes: quarantined in {elapsed.TotalMilliseconds:0} ms");

        var id = view.GetProperty("id").GetGuid();
        using (var refused = await handler.GetAsync(new Uri($"/api/v1/cases/{caseId}/documents/{id}/content", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Contains("virus", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.DoesNotContain("EICAR-STANDARD", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        var stored = await system.InCaseDb(db => db.CaseDocuments.SingleAsync(d => d.Id == id));
        Assert.Equal(DocumentScan.Quarantined, stored.Scan);
        Assert.EndsWith("FOUND", "x " + stored.Signature + " FOUND", StringComparison.Ordinal);
        Assert.NotNull(stored.Signature);

        // The list still shows it, so staff know it came and why it cannot be opened.
        var list = await ApiCalls.GetAsync(handler, $"/api/v1/cases/{caseId}/documents");
        Assert.Equal("Quarantined", Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("scan").GetString());
    }

    [Fact]
    public async Task AFileOnOneOrganisationsCase_IsUnreachable_FromAnotherOrganisation()
    {
        using var handler = system.Http(await system.TokenAsync("handler.rj1"));
        using var otherTrust = system.Http(await system.TokenAsync("handler.rjz"));
        var caseId = await OpenCaseAsync(handler, Today.AddDays(-3), "Olive Other");
        using var added = await UploadAsync(handler, $"/api/v1/cases/{caseId}/documents", "letter.pdf", Pdf, "application/pdf");
        var id = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        using (var list = await otherTrust.GetAsync(new Uri($"/api/v1/cases/{caseId}/documents", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, list.StatusCode);
        }
        using (var download = await otherTrust.GetAsync(new Uri($"/api/v1/cases/{caseId}/documents/{id}/content", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
        }
        using (var upload = await UploadAsync(otherTrust, $"/api/v1/cases/{caseId}/documents", "more.pdf", Pdf, "application/pdf"))
        {
            Assert.Equal(HttpStatusCode.NotFound, upload.StatusCode);
        }
        Assert.Equal(1, await system.InCaseDb(db => db.CaseDocuments.CountAsync(d => d.CaseId == caseId)));
    }

    [Fact]
    public async Task FilesOfKindsNotKept_EmptyOrTooLarge_AreRefusedOnTheFileField_AndStoreNothing()
    {
        using var handler = system.Http(await system.TokenAsync("handler.rj1"));
        var caseId = await OpenCaseAsync(handler, Today.AddDays(-3), "Rufus Refused");
        var tooLarge = new byte[(10 * 1024 * 1024) + 1];
        Pdf.CopyTo(tooLarge, 0);
        var refused = new (string Name, byte[] Bytes, string Says)[]
        {
            ("page.txt", Encoding.UTF8.GetBytes("<!DOCTYPE html><html><script>alert(1)</script></html>"), "must be a PDF"),
            ("tool.pdf", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00], "must be a PDF"),
            ("empty.pdf", [], "Choose a file"),
            ("scan.pdf", tooLarge, "smaller than 10 MB"),
        };
        foreach (var (name, bytes, says) in refused)
        {
            using var response = await UploadAsync(handler, $"/api/v1/cases/{caseId}/documents", name, bytes, "application/pdf");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
            Assert.Contains(says, errors.GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        }
        Assert.Equal(0, await system.InCaseDb(db => db.CaseDocuments.CountAsync(d => d.CaseId == caseId)));
        output.WriteLine($"refused on the file field, nothing stored: {string.Join(", ", refused.Select(r => $"{r.Name} ({r.Bytes.Length} bytes)"))}");
    }

    [Fact]
    public async Task AComplainant_SendsAFile_OnTheirReferenceAndProgressCode_AndSeesWhatBecameOfIt()
    {
        using var anyone = system.Http();
        using var handler = system.Http(await system.TokenAsync("handler.rj1"));
        var submitted = await ApiCalls.PostAsync(anyone, "/api/v1/complaints", new
        {
            organisationCode = "RJ1",
            complainant = new { name = "Petra Photo", email = "petra@example.org" },
            description = "The ward floor was wet and my father slipped.",
        }, HttpStatusCode.Created);
        var reference = submitted.GetProperty("reference").GetString()!;
        var secret = submitted.GetProperty("statusSecret").GetString()!;
        var caseId = await CaseIdAsync(handler, reference);
        var jpeg = new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01 };

        using (var wrong = await UploadByReferenceAsync(anyone, reference, secret[..^1] + (secret[^1] == 'a' ? 'b' : 'a'), "floor.jpg", jpeg))
        {
            Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        }
        using (var sent = await UploadByReferenceAsync(anyone, reference, secret, "IMG_0042.JPG", jpeg))
        {
            Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
            Assert.Equal("IMG_0042.jpg", (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fileName").GetString());
        }
        using (var infected = await UploadByReferenceAsync(anyone, reference, secret, "notes.txt", TestClamd.Eicar))
        {
            Assert.Equal("Quarantined", (await infected.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("scan").GetString());
        }

        // They see what they sent; staff see it on the case, marked as the complainant's.
        using var list = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/complaint-documents?reference={reference}");
        list.Headers.Add("X-Complaint-Secret", secret);
        using var listed = await anyone.SendAsync(list);
        Assert.Equal(
            ["IMG_0042.jpg Clean", "notes.txt Quarantined"],
            (await listed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().Select(d => $"{d.GetProperty("fileName")} {d.GetProperty("scan")}"));
        var onCase = await ApiCalls.GetAsync(handler, $"/api/v1/cases/{caseId}/documents");
        Assert.All(onCase.GetProperty("items").EnumerateArray(), d => Assert.Equal("Complainant", d.GetProperty("addedBy").GetString()));
    }

    [Fact]
    public async Task AFileReceivedWhileTheScannerWasAway_IsHeldBack_UntilTheWorkerScansIt()
    {
        using var handler = system.Http(await system.TokenAsync("handler.rj1"));
        var caseId = await OpenCaseAsync(handler, Today.AddDays(-3), "Wanda Waiting");
        var c = await system.InCaseDb(db => db.Cases.SingleAsync(x => x.Id == caseId));
        var waiting = IcsComplaints.Case.Domain.Documents.CaseDocument.Receive(caseId, c.OrganisationCode, "held.pdf", "PDF", "application/pdf", Pdf.Length, "00", DocumentSource.Staff, "handler.rj1", DateTimeOffset.UtcNow);
        await using (var scope = system.Case.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IDocumentContentStore>().PutAsync(waiting.ContentKey, Pdf, CancellationToken.None);
            var db = scope.ServiceProvider.GetRequiredService<CaseDbContext>();
            db.CaseDocuments.Add(waiting);
            await db.SaveChangesAsync();
        }
        using (var early = await handler.GetAsync(new Uri($"/api/v1/cases/{caseId}/documents/{waiting.Id}/content", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        }

        Assert.True(await system.Case.Services.GetRequiredService<DocumentScanWorker>().ScanWaitingAsync(CancellationToken.None) >= 1);

        using var later = await handler.GetAsync(new Uri($"/api/v1/cases/{caseId}/documents/{waiting.Id}/content", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
    }

    [Fact]
    public async Task AFileStreamedOverGrpc_IsKeptAndScannedAsOverRest_AndAnInfectedOneIsQuarantined()
    {
        var token = await system.TokenAsync("handler.rj1");
        using var handler = system.Http(token);
        var caseId = await OpenCaseAsync(handler, Today.AddDays(-3), "Greta Grpc");
        using var channel = system.Case.CreateGrpcChannel();
        var client = new CaseService.CaseServiceClient(channel);

        async Task<IcsComplaints.Case.Contracts.Grpc.V1.CaseDocument> StreamAsync(string name, byte[] bytes)
        {
            using var call = client.AddDocument(GrpcCalls.Bearer(token));
            await call.RequestStream.WriteAsync(new AddDocumentRequest { Header = new DocumentHeader { CaseId = caseId.ToString(), FileName = name } });
            foreach (var chunk in bytes.Chunk(16))
            {
                await call.RequestStream.WriteAsync(new AddDocumentRequest { Chunk = Google.Protobuf.ByteString.CopyFrom(chunk) });
            }
            await call.RequestStream.CompleteAsync();
            return await call;
        }

        var clean = await StreamAsync("scan of letter.pdf", Pdf);
        Assert.Equal(("scan of letter.pdf", "PDF", "Clean", Pdf.Length), (clean.FileName, clean.Type, clean.Scan, (int)clean.SizeBytes));
        Assert.Equal("Quarantined", (await StreamAsync("eicar.txt", TestClamd.Eicar)).Scan);
        var empty = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => StreamAsync("nothing.pdf", []));
        Assert.Equal(Grpc.Core.StatusCode.InvalidArgument, empty.StatusCode);

        var listed = await client.ListDocumentsAsync(new ListDocumentsRequest { CaseId = caseId.ToString() }, GrpcCalls.Bearer(token));
        Assert.Equal(["scan of letter.pdf Clean", "eicar.txt Quarantined"], listed.Documents.Select(d => $"{d.FileName} {d.Scan}"));
        using var download = await handler.GetAsync(new Uri($"/api/v1/cases/{caseId}/documents/{clean.Id}/content", UriKind.Relative));
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient http, string path, string fileName, byte[] bytes, string contentType)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        return http.PostAsync(new Uri(path, UriKind.Relative), form);
    }

    private static Task<HttpResponseMessage> UploadByReferenceAsync(HttpClient http, string reference, string secret, string fileName, byte[] bytes)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", fileName } };
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/complaint-documents?reference={reference}") { Content = form };
        request.Headers.Add("X-Complaint-Secret", secret);
        return http.SendAsync(request);
    }
}
