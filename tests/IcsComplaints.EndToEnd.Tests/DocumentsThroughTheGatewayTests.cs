using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Net.Client;
using IcsComplaints.Calendar;
using IcsComplaints.Case.Contracts.Grpc.V1;
using IcsComplaints.TestKit;

namespace IcsComplaints.EndToEnd.Tests;

/// <summary>
/// Files larger than any other request reach the case service through the gateway (ADR 43): over REST as a form, and
/// over gRPC as a stream of chunks, which the gateway passes on message by message within the stream's limit.
/// </summary>
public sealed class DocumentsThroughTheGatewayTests(IcsSystem system)
{
    // A scanned letter of some pages: larger than the 256 KiB every other request is held to.
    private static readonly byte[] ScannedLetter = [.. "%PDF-1.7\n"u8, .. Enumerable.Range(0, 3 * 1024 * 1024).Select(i => (byte)('a' + (i % 26)))];

    [Fact]
    public async Task AFileOfSomeMegabytes_IsAcceptedOverRestAndAsAGrpcStream_ThroughTheGateway()
    {
        var token = await system.TokenAsync("handler.rj1");
        using var http = system.GatewayHttp(token);
        var caseId = await CaseApiSteps.OpenCaseAsync(http, LondonTime.Today(TimeProvider.System).AddDays(-2), "Gail Gateway");

        using var form = new MultipartFormDataContent { { new ByteArrayContent(ScannedLetter), "file", "letter.pdf" } };
        using var posted = await http.PostAsync(new Uri($"/api/v1/cases/{caseId}/documents", UriKind.Relative), form);
        Assert.True(posted.StatusCode == HttpStatusCode.Created, await posted.Content.ReadAsStringAsync());
        Assert.Equal("Clean", (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("scan").GetString());

        using var channel = GrpcChannel.ForAddress(system.Gateway.GrpcAddress);
        using var call = new CaseService.CaseServiceClient(channel).AddDocument(GrpcCalls.Bearer(token));
        await call.RequestStream.WriteAsync(new AddDocumentRequest { Header = new DocumentHeader { CaseId = caseId.ToString(), FileName = "letter, streamed.pdf" } });
        foreach (var chunk in ScannedLetter.Chunk(64 * 1024))
        {
            await call.RequestStream.WriteAsync(new AddDocumentRequest { Chunk = Google.Protobuf.ByteString.CopyFrom(chunk) });
        }
        await call.RequestStream.CompleteAsync();
        var streamed = await call;
        Assert.Equal((ScannedLetter.LongLength, "PDF", "Clean"), (streamed.SizeBytes, streamed.Type, streamed.Scan));

        using var download = await http.GetAsync(new Uri($"/api/v1/cases/{caseId}/documents/{streamed.Id}/content", UriKind.Relative));
        Assert.Equal(ScannedLetter, await download.Content.ReadAsByteArrayAsync());
    }
}
