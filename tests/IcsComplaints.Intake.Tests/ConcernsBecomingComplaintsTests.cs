using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IcsComplaints.ComplaintHandling.Tests;
using IcsComplaints.TestKit;

namespace IcsComplaints.Intake.Tests;

/// <summary>
/// An everyday concern that is not put right at once stays open with a follow-up day, is resolved later, or becomes
/// a complaint that keeps the day and the way it was first raised: once, for the organisation it was raised with.
/// </summary>
public sealed class ConcernsBecomingComplaintsTests(ComplaintHandlingSystem system)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")).DateTime);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task AConcernNotPutRightAtOnce_StaysOpenUntilItsFollowUp_AndIsResolvedLater_ByItsOwnOrganisationOnly()
    {
        using var staff = system.Intake.Http(await system.TokenAsync("handler.rj1"));
        using var otherOrganisation = system.Intake.Http(await system.TokenAsync("handler.rjz"));

        var neither = await PostAsync(staff, "/api/v1/concerns", new { kind = "EverydayConversation", channel = "Phone", summary = "Parking charges." });
        Assert.Equal(HttpStatusCode.BadRequest, neither.Status);
        Assert.True(neither.Body.GetProperty("errors").TryGetProperty("followUpOn", out _), neither.Body.ToString());
        var oralLeftOpen = await PostAsync(staff, "/api/v1/concerns", new { kind = "OralComplaintResolved", channel = "Phone", followUpOn = Iso(Today.AddDays(3)), summary = "Rude at reception." });
        Assert.Equal(HttpStatusCode.BadRequest, oralLeftOpen.Status);
        Assert.Contains("Reg 8(1)(c)", oralLeftOpen.Body.GetProperty("errors").GetProperty("resolvedOn")[0].GetString(), StringComparison.Ordinal);

        var open = await RecordOpenAsync(staff, "Phone", Today.AddDays(-2), Today.AddDays(5), "Waiting for a call back about physiotherapy.");
        Assert.Equal(("Open", Iso(Today.AddDays(5))), (open.GetProperty("status").GetString(), open.GetProperty("followUpOn").GetString()));
        Assert.True(Absent(open, "resolvedOn"), open.ToString());
        var id = open.GetProperty("id").GetGuid();
        var openList = await staff.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/concerns?open=true", UriKind.Relative));
        Assert.Contains(openList.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetGuid() == id);
        Assert.Equal(HttpStatusCode.NotFound, (await otherOrganisation.GetAsync(new Uri($"/api/v1/concerns/{id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(otherOrganisation, $"/api/v1/concerns/{id}/resolution", new { resolution = "Not ours." })).Status);

        var resolved = await PostAsync(staff, $"/api/v1/concerns/{id}/resolution", new { resolvedOn = Iso(Today), resolution = "Physiotherapy rang and booked an appointment." });
        Assert.Equal(HttpStatusCode.OK, resolved.Status);
        Assert.Equal(("Resolved", Iso(Today), "Physiotherapy rang and booked an appointment."),
            (resolved.Body.GetProperty("status").GetString(), resolved.Body.GetProperty("resolvedOn").GetString(), resolved.Body.GetProperty("resolution").GetString()));
        Assert.True(Absent(resolved.Body, "followUpOn"), resolved.Body.ToString());
        var again = await PostAsync(staff, $"/api/v1/concerns/{id}/resolution", new { resolution = "Twice." });
        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
        openList = await staff.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/concerns?open=true", UriKind.Relative));
        Assert.DoesNotContain(openList.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task AnOpenConcern_BecomesAComplaintOnce_KeepingTheDayAndTheWayItWasRaised()
    {
        using var staff = system.Intake.Http(await system.TokenAsync("handler.rj1"));
        using var otherOrganisation = system.Intake.Http(await system.TokenAsync("handler.rjz"));
        var raisedOn = Today.AddDays(-6);
        var concern = (await RecordOpenAsync(staff, "Email", raisedOn, Today.AddDays(1), "Discharge letter never reached the GP.")).GetProperty("id").GetGuid();
        object Complaint(string organisation, string? receivedOn = null) => new
        {
            organisationCode = organisation,
            fromConcernId = concern.ToString(),
            receivedOn,
            complainant = new { name = "Rosa Okafor", email = "rosa.okafor@example.org" },
            description = "The discharge letter never reached my GP, and nobody has put it right.",
        };

        var notOurs = await PostAsync(otherOrganisation, "/api/v1/complaints", Complaint("RJZ"));
        Assert.True(notOurs.Body.GetProperty("errors").TryGetProperty("fromConcernId", out _), notOurs.Body.ToString());
        var otherDay = await PostAsync(staff, "/api/v1/complaints", Complaint("RJ1", receivedOn: Iso(Today)));
        Assert.True(otherDay.Body.GetProperty("errors").TryGetProperty("receivedOn", out _), otherDay.Body.ToString());

        // Two members of staff make it a complaint at the same moment: one complaint, and the other is told why not.
        string[] keys = [Guid.NewGuid().ToString(), Guid.NewGuid().ToString()];
        var both = await Task.WhenAll(keys.Select(key => PostAsync(staff, "/api/v1/complaints", Complaint("RJ1"), key)));
        var made = Assert.Single(both, r => r.Status == HttpStatusCode.Created);
        var refused = Assert.Single(both, r => r.Status != HttpStatusCode.Created);
        Assert.True(refused.Status == HttpStatusCode.BadRequest && refused.Body.GetProperty("errors").TryGetProperty("fromConcernId", out _), refused.Body.ToString());
        var complaintId = made.Body.GetProperty("id").GetGuid();

        var complaint = await staff.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/complaints/{complaintId}", UriKind.Relative));
        Assert.Equal((Iso(raisedOn), "Email", concern),
            (complaint.GetProperty("receivedOn").GetString(), complaint.GetProperty("channel").GetString(), complaint.GetProperty("fromConcernId").GetGuid()));
        var became = await staff.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/concerns/{concern}", UriKind.Relative));
        Assert.Equal(("BecameComplaint", complaintId), (became.GetProperty("status").GetString(), became.GetProperty("complaintId").GetGuid()));
        Assert.True(Absent(became, "followUpOn"), became.ToString());
        await Eventually.TrueAsync(
            () => Task.FromResult(system.Capture.Messages.Any(m => m.Contains(concern.ToString(), StringComparison.Ordinal) && m.Contains(complaintId.ToString(), StringComparison.Ordinal))),
            Patience, "ConcernBecameComplaint is published");
        var once = await PostAsync(staff, "/api/v1/complaints", Complaint("RJ1"));
        Assert.True(once.Status == HttpStatusCode.BadRequest && once.Body.GetProperty("errors").TryGetProperty("fromConcernId", out _), once.Body.ToString());
        // The first request sent again, as after a lost answer, is answered as it was: the same complaint, no other.
        var retried = await PostAsync(staff, "/api/v1/complaints", Complaint("RJ1"), keys[Array.IndexOf(both, made)]);
        Assert.True(retried.Status == HttpStatusCode.Created && retried.Body.GetProperty("id").GetGuid() == complaintId, retried.Body.ToString());
    }

    // The API leaves out what has no value.
    private static bool Absent(JsonElement item, string property) =>
        !item.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null;

    private static async Task<JsonElement> RecordOpenAsync(HttpClient staff, string channel, DateOnly receivedOn, DateOnly followUpOn, string summary)
    {
        var recorded = await PostAsync(staff, "/api/v1/concerns", new
        {
            kind = "EverydayConversation", channel, receivedOn = Iso(receivedOn), followUpOn = Iso(followUpOn), domain = "Management", summary,
        });
        Assert.True(recorded.Status == HttpStatusCode.Created, recorded.Body.ToString());
        return recorded.Body;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(HttpClient http, string path, object body, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }
}
