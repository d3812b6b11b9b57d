extern alias intake;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using IcsComplaints.ComplaintHandling.Tests;
using IcsComplaints.Platform.Audit;
using IcsComplaints.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ImportJobProcessor = intake::IcsComplaints.Intake.Api.Features.ImportComplaints.ImportJobProcessor;
using ImportUploads = intake::IcsComplaints.Intake.Api.Features.ImportComplaints.ImportUploads;

namespace IcsComplaints.Intake.Tests;

/// <summary>
/// CSV imports uploaded over REST: queued, processed by the background worker with the command-line tool's rules,
/// their progress and rejected rows read back; the same file again skips what was recorded; limits, organisations
/// and roles enforced; an import taken up again after a stop records nothing twice.
/// </summary>
public sealed class RestImportTests(ComplaintHandlingSystem system)
{
    private const string Imports = "/api/v1/complaints/imports";

    private const string Header = "external_id,organisation_code,received_on,complainant_name,description,patient_name,patient_nhs_number";

    [Fact]
    public async Task AnUploadedFile_IsImportedInTheBackground_WithItsCounts_AndItsRejectedRowsDownloadable_AndAgainSkipsWhatWasRecorded()
    {
        using var handler = system.Intake.Http(await system.TokenAsync("handler.rj1"));
        var id = "R" + Guid.NewGuid().ToString("N")[..8];
        var csv = string.Join('\n',
            Header,
            $"{id}-1,RJ1,2025-01-14,Maria Lopez,Discharged without my medicines.,Maria Lopez,9458073022",
            $"{id}-2,RJ1,2025-02-04,Lena Novak,Waited six hours.,Lena Novak,9876544321",
            $"{id}-3,RJ1,2025-02-03,Sam Okafor,Appointment cancelled three times.,,",
            $"{id}-4,RJZ,2025-02-05,Ivy Chen,Made to another trust.,,",
            $"{id}-1,RJ1,2025-02-06,Maria Lopez,The same identifier again.,,",
            $"{id}-5,RJ1,2025-02-07,Ben Carter,Lost property.,,") + "\n";

        var (location, accepted) = await UploadAsync(handler, csv);

        Assert.Equal(6, accepted.GetProperty("total").GetInt32());
        Assert.Equal($"{Imports}/{accepted.GetProperty("id").GetGuid()}", location);
        var status = await FinishedAsync(handler, location);
        Assert.Equal((6, 3, 0, 3), Counts(status));
        Assert.True(status.GetProperty("startedAt").GetDateTimeOffset() <= status.GetProperty("finishedAt").GetDateTimeOffset());
        Assert.Equal(3, await system.InIntakeDb(db => db.Complaints.CountAsync(c => c.ImportSource == ImportUploads.SourceFor("RJ1") && c.ImportExternalId!.StartsWith(id))));

        using var download = await handler.GetAsync(new Uri($"{location}/rejected", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("text/csv", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.EndsWith(".csv", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        var lines = (await download.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("line,external_id,field,reason", lines[0]);
        Assert.StartsWith($"3,{id}-2,", lines[1], StringComparison.Ordinal);
        Assert.Contains("patient_nhs_number", lines[1], StringComparison.Ordinal);
        Assert.StartsWith($"5,{id}-4,organisation_code,", lines[2], StringComparison.Ordinal);
        Assert.StartsWith($"6,{id}-1,external_id,Repeats the row on line 2", lines[3], StringComparison.Ordinal);
        var jobId = accepted.GetProperty("id").GetGuid().ToString();
        Assert.True(await system.InIntakeDb(db => db.Set<AuditEntry>().AnyAsync(a =>
            a.ResourceType == ImportUploads.RejectedRowsResource && a.ResourceId == jobId && a.Action == AuditAction.Read)));

        var (againAt, _) = await UploadAsync(handler, csv, multipart: true);
        Assert.Equal((6, 0, 3, 3), Counts(await FinishedAsync(handler, againAt)));
        Assert.Equal(3, await system.InIntakeDb(db => db.Complaints.CountAsync(c => c.ImportExternalId!.StartsWith(id))));
    }

    [Theory]
    [InlineData("rows")]
    [InlineData("bytes")]
    [InlineData("header")]
    [InlineData("type")]
    public async Task AnUploadOverTheLimits_OrWithoutTheExpectedColumns_IsRefusedNamingTheFile_AndNothingIsStored(string fault)
    {
        using var handler = system.Intake.Http(await system.TokenAsync("handler.rj1"));
        var row = "X-1,RJ1,2025-01-14,Maria Lopez,Discharged without my medicines.,,\n";
        HttpContent content = fault switch
        {
            "rows" => Csv(Header + "\n" + string.Concat(Enumerable.Repeat(row, 10_001))),
            "bytes" => Csv(Header + "\n" + row.Replace("Discharged", new string('x', 5 * 1024 * 1024), StringComparison.Ordinal)),
            "header" => Csv("id,organisation_code,date\n1,RJ1,2025-01-01\n"),
            _ => new StringContent("{}", Encoding.UTF8, "application/json"),
        };
        var before = await system.InIntakeDb(db => db.ImportJobs.CountAsync());

        using var response = await handler.PostAsync(new Uri(Imports, UriKind.Relative), content);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        var message = JsonDocument.Parse(body).RootElement.GetProperty("errors").GetProperty("file")[0].GetString()!;
        if (fault == "header")
        {
            Assert.Contains("no column external_id, received_on, complainant_name, description.", message, StringComparison.Ordinal);
        }
        Assert.Equal(before, await system.InIntakeDb(db => db.ImportJobs.CountAsync()));
    }

    [Fact]
    public async Task AnotherOrganisationsImport_IsNotFound_AndARoleThatMayNotImport_IsForbidden()
    {
        using var handler = system.Intake.Http(await system.TokenAsync("handler.rj1"));
        var (location, _) = await UploadAsync(handler, Header + "\nO-" + Guid.NewGuid().ToString("N")[..8] + ",RJ1,2025-01-14,Maria Lopez,Late.,,\n");
        using var otherTrust = system.Intake.Http(await system.TokenAsync("handler.rjz"));
        using var investigator = system.Intake.Http(await system.TokenAsync("investigator.rj1"));
        using var qualityLead = system.Intake.Http(await system.TokenAsync("quality.rj1"));

        foreach (var path in new[] { location, $"{location}/rejected" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await otherTrust.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await investigator.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await qualityLead.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
        }
        using var refused = await investigator.PostAsync(new Uri(Imports, UriKind.Relative), Csv(Header + "\n"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task AnImportStoppedPartWay_IsFinishedWhenTakenUpAgain_WithoutRecordingAnyRowTwice()
    {
        using var handler = system.Intake.Http(await system.TokenAsync("handler.rj1"));
        var id = "S" + Guid.NewGuid().ToString("N")[..8];
        var rows = Enumerable.Range(1, 2 * ImportJobProcessor.BatchSize + 50)
            .Select(i => $"{id}-{i},RJ1,2025-03-{1 + (i % 28):00},Complainant {i},Complaint number {i}.,,");
        var (location, _) = await UploadAsync(handler, Header + "\n" + string.Join('\n', rows) + "\n");

        // A processor stopped in the middle of a batch (its host shutting down) rolls the batch back; the service's
        // own worker and two more processors, as replicas would, then compete for the remaining batches.
        using (var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(30)))
        {
            try
            {
                await ProcessOnceAsync(stop.Token);
            }
            catch (OperationCanceledException)
            {
                // Stopped part-way, as intended.
            }
        }
        await Task.WhenAll(ProcessUntilIdleAsync(), ProcessUntilIdleAsync());

        var status = await FinishedAsync(handler, location);
        Assert.Equal((rows.Count(), rows.Count(), 0, 0), Counts(status));
        var recorded = await system.InIntakeDb(db => db.Complaints.Where(c => c.ImportExternalId!.StartsWith(id)).Select(c => c.ImportExternalId).ToListAsync());
        Assert.Equal(rows.Count(), recorded.Count);
        Assert.Equal(recorded.Count, recorded.Distinct().Count());
    }

    private async Task<bool> ProcessOnceAsync(CancellationToken ct)
    {
        await using var scope = system.Intake.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ImportJobProcessor>().ProcessNextBatchAsync(ct);
    }

    private async Task ProcessUntilIdleAsync()
    {
        while (await ProcessOnceAsync(TestContext.Current.CancellationToken))
        {
        }
    }

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    private static async Task<(string Location, JsonElement Body)> UploadAsync(HttpClient http, string csv, bool multipart = false)
    {
        HttpContent content = Csv(csv);
        if (multipart)
        {
            var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(file, "file", "complaints.csv");
            content = form;
        }
        using (content)
        {
            using var response = await http.PostAsync(new Uri(Imports, UriKind.Relative), content);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Accepted, body);
            return (response.Headers.Location!.OriginalString, JsonDocument.Parse(body).RootElement.Clone());
        }
    }

    private static async Task<JsonElement> FinishedAsync(HttpClient http, string location)
    {
        var status = default(JsonElement);
        await Eventually.TrueAsync(async () =>
        {
            status = await ApiCalls.GetAsync(http, location);
            return status.GetProperty("state").GetString() == "Finished";
        }, TimeSpan.FromSeconds(60), "the import finishes");
        return status;
    }

    private static (int Processed, int Accepted, int AlreadyImported, int Rejected) Counts(JsonElement status) => (
        status.GetProperty("processed").GetInt32(), status.GetProperty("accepted").GetInt32(),
        status.GetProperty("alreadyImported").GetInt32(), status.GetProperty("rejected").GetInt32());
}
