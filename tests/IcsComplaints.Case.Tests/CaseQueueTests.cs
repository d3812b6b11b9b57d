using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Net.Client;
using IcsComplaints.Calendar;
using IcsComplaints.Case.Contracts.Grpc.V1;
using IcsComplaints.ComplaintHandling.Tests;
using IcsComplaints.TestKit;

namespace IcsComplaints.Case.Tests;

/// <summary>
/// The work queue over real PostgreSQL: three cases of one handler, filtered and sorted each way the portal's queue
/// asks for. Cases are assigned to a handler id of their own so other tests' cases in the same database never count.
/// </summary>
public sealed class CaseQueueTests(ComplaintHandlingSystem system)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static DateOnly Today => LondonTime.Today(TimeProvider.System);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task TheQueue_FiltersByAssigneePausedAndStage_AndSortsByDeadlineReceivedReferenceAndStage()
    {
        using var handler = system.Http(await system.TokenAsync("handler.rj1"));
        var assignee = "queue-" + Guid.NewGuid().ToString("N");
        // Never acknowledged and received a month ago: its acknowledgement deadline is missed.
        var late = await OpenAsync(handler, Today.AddDays(-30), assignee);
        var recent = await OpenAsync(handler, Today.AddDays(-1), assignee);
        var pausedCase = await OpenAsync(handler, Today.AddDays(-8), assignee);
        await StepAsync(handler, pausedCase.Id, "acknowledgement", new { acknowledgedOn = Iso(Today.AddDays(-7)), channel = "Letter", discussionOffered = true });
        await StepAsync(handler, pausedCase.Id, "pause", new { reason = "ParallelProcess", detail = "Police investigation", from = Iso(Today.AddDays(-2)) });

        var byDeadline = await QueueAsync(handler, $"assignedTo={assignee}");
        Assert.Equal(3, byDeadline.Count);
        Assert.All(byDeadline, row => Assert.Equal(assignee, row.GetProperty("handlerSubjectId").GetString()));
        Assert.Equal(late.Reference, byDeadline[0].GetProperty("reference").GetString());
        Assert.NotEmpty(byDeadline[0].GetProperty("missed").EnumerateArray());
        var due = byDeadline.Skip(1).Select(DueOn).ToList();
        Assert.Equal(due.Order().ToList(), due);
        Assert.Equal(Refs(byDeadline), Refs(await QueueAsync(handler, $"assignedTo={assignee}&sort=deadline")));

        Assert.Equal([recent.Reference, pausedCase.Reference, late.Reference], Refs(await QueueAsync(handler, $"assignedTo={assignee}&sort=received")));
        Assert.Equal(
            new[] { late.Reference, recent.Reference, pausedCase.Reference }.Order(StringComparer.Ordinal).ToList(),
            Refs(await QueueAsync(handler, $"assignedTo={assignee}&sort=reference")));
        var byStage = await QueueAsync(handler, $"assignedTo={assignee}&sort=stage");
        Assert.Equal(["Received", "Received", "Acknowledged"], byStage.Select(r => r.GetProperty("stage").GetString()).ToList());

        var paused = await QueueAsync(handler, $"assignedTo={assignee}&paused=true");
        Assert.Equal([pausedCase.Reference], Refs(paused));
        Assert.True(paused[0].GetProperty("paused").GetBoolean());
        Assert.Equal([pausedCase.Reference], Refs(await QueueAsync(handler, $"assignedTo={assignee}&stage=Acknowledged")));
        Assert.Equal([late.Reference], Refs(await QueueAsync(handler, $"assignedTo={assignee}&breached=true")));
        Assert.Empty(await QueueAsync(handler, $"assignedTo=nobody-{assignee}"));

        // The same queue over gRPC.
        using var channel = GrpcChannel.ForAddress(system.Case.GrpcAddress);
        var cases = new CaseService.CaseServiceClient(channel);
        var listed = await cases.ListCasesAsync(new ListCasesRequest { AssignedTo = assignee, Sort = "received" }, GrpcCalls.Bearer(await system.TokenAsync("handler.rj1")));
        Assert.Equal([recent.Reference, pausedCase.Reference, late.Reference], listed.Cases.Select(c => c.Reference).ToList());
        Assert.All(listed.Cases, c => Assert.Equal(assignee, c.HandlerSubjectId));
        var pausedOverGrpc = await cases.ListCasesAsync(new ListCasesRequest { AssignedTo = assignee, Paused = true }, GrpcCalls.Bearer(await system.TokenAsync("handler.rj1")));
        Assert.Equal([pausedCase.Reference], pausedOverGrpc.Cases.Select(c => c.Reference).ToList());
    }

    [Theory]
    [InlineData("sort=urgency", "sort")]
    [InlineData("nhsNumber=9434765919", "nhsNumber")]
    public async Task TheQueue_RefusesAnUnknownSortOrParameter_NamingTheField(string query, string field)
    {
        using var handler = system.Http(await system.TokenAsync("handler.rj1"));
        using var response = await handler.GetAsync(new Uri($"/api/v1/cases?{query}", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
        var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name);
        Assert.Contains(field, errors);
    }

    private static List<string> Refs(IEnumerable<JsonElement> rows) => [.. rows.Select(r => r.GetProperty("reference").GetString()!)];

    private static DateOnly DueOn(JsonElement row) =>
        row.GetProperty("nextDeadline").ValueKind == JsonValueKind.Null ? DateOnly.MaxValue : DateOnly.Parse(row.GetProperty("nextDeadline").GetProperty("dueOn").GetString()!, CultureInfo.InvariantCulture);

    private static async Task<List<JsonElement>> QueueAsync(HttpClient http, string query)
    {
        using var response = await http.GetAsync(new Uri($"/api/v1/cases?{query}", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return [.. JsonDocument.Parse(text).RootElement.GetProperty("items").EnumerateArray().Select(e => e.Clone())];
    }

    private static async Task<(Guid Id, string Reference)> OpenAsync(HttpClient http, DateOnly received, string assignee)
    {
        using var response = await http.PostAsJsonAsync(new Uri("/api/v1/complaints", UriKind.Relative), new
        {
            organisationCode = "RJ1",
            channel = "Letter",
            receivedOn = Iso(received),
            complainant = new { name = "Queue Tester", address = new { line1 = "9 Demo Street", town = "London", postcode = "SE1 7EH" } },
            description = "The clinic cancelled my appointment three times and nobody told me why.",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var reference = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString()!;
        Guid id = default;
        await Eventually.TrueAsync(async () =>
        {
            var items = (await http.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/cases?reference={reference}", UriKind.Relative))).GetProperty("items");
            id = items.GetArrayLength() == 0 ? default : items[0].GetProperty("caseId").GetGuid();
            return id != default;
        }, Patience, "the case opens");
        await StepAsync(http, id, "assignment", new { subjectId = assignee, name = "Quinn Queue" });
        return (id, reference);
    }

    private static async Task StepAsync(HttpClient http, Guid caseId, string step, object body)
    {
        using var response = await http.PostAsJsonAsync(new Uri($"/api/v1/cases/{caseId}/{step}", UriKind.Relative), body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{step}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
