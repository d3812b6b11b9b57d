extern alias intake;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IcsComplaints.ComplaintHandling.Tests;
using IcsComplaints.TestKit;
using Microsoft.EntityFrameworkCore;
using IntakeDbContext = intake::IcsComplaints.Intake.Api.Data.IntakeDbContext;

namespace IcsComplaints.Intake.Tests;

/// <summary>
/// What intake asks its database for every complaint costs the same with ten complaints or ten million: each statement
/// the service really sends while complaints are submitted, retried, checked for duplicates, followed, listed, searched
/// and decided is planned with its own values, and no table that grows with complaints is read in full.
/// </summary>
public sealed class IntakeQueryPlanTests(ComplaintHandlingSystem system)
{
    /// <summary>Tables that stay small whatever the number of complaints, so reading them in full costs the same.</summary>
    public static readonly IReadOnlyDictionary<string, string> SmallTables = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["organisations"] = "the organisation directory: a few thousand NHS organisations, loaded whole into the directory snapshot",
        ["commissioning_relationships"] = "who commissions whom: one row per provider and commissioner, loaded with the directory",
        ["complaint_import_jobs"] = "one row per uploaded file of historical complaints, a few per organisation, polled for those not finished",
    };

    [Fact]
    public async Task SubmittingFollowingListingAndDecidingComplaints_NeverReadsAGrowingTableInFull()
    {
        using var staff = system.Intake.Http(await system.TokenAsync("handler.rj1"));
        using var anonymous = system.Intake.Http();
        var person = Guid.NewGuid().ToString("N")[..10];
        using var sent = SentSql.Record();

        // The same person twice, the second time on a key that is then retried: reference allocation, the either/or
        // check against earlier complaints, the idempotency lookup.
        var first = await SubmitAsync(staff, Complaint(person, "My appointment was cancelled twice."));
        var key = Guid.NewGuid().ToString();
        var second = await SubmitAsync(staff, Complaint(person, "Cancelled again."), key);
        Assert.Equal(second.Id, (await SubmitAsync(staff, Complaint(person, "Cancelled again."), key)).Id);
        var online = await SubmitAsync(anonymous, new { organisationCode = "RJ1", complainant = new { name = $"Online {person}" }, description = "Rude reception staff." });

        // Case's events come back to intake, which finds the complaint of each case.
        await Eventually.TrueAsync(
            async () => await system.InIntakeDb(db => db.Complaints.CountAsync(c => (c.Id == first.Id || c.Id == second.Id) && c.CaseId != null)) == 2,
            TimeSpan.FromSeconds(30), "intake follows both cases");

        await ApiCalls.GetAsync(staff, $"/api/v1/complaints/{second.Id}");
        await ApiCalls.GetAsync(staff, $"/api/v1/complaints/{second.Id}/possible-duplicates");
        await ApiCalls.GetAsync(staff, "/api/v1/complaints?state=Open");
        await ApiCalls.GetAsync(staff, "/api/v1/complaints?pending=true");
        await ApiCalls.GetAsync(staff, $"/api/v1/complaints?reference={first.Reference}");
        using (var search = await staff.PostAsJsonAsync(new Uri("/api/v1/complaints/search", UriKind.Relative), new { name = person }))
        {
            Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        }
        using (var progress = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/complaints/status?reference={online.Reference}"))
        {
            progress.Headers.Add("X-Complaint-Secret", online.StatusSecret);
            using var response = await anonymous.SendAsync(progress);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        using (var link = await staff.PostAsJsonAsync(new Uri($"/api/v1/complaints/{second.Id}/link", UriKind.Relative), new { complaintId = first.Id }))
        {
            Assert.Equal(HttpStatusCode.OK, link.StatusCode);
        }

        var statements = sent.Of<IntakeDbContext>();
        Assert.Contains(statements, s => s.Sql.Contains("idempotency_records", StringComparison.Ordinal) && s.FindsRows);
        Assert.Contains(statements, s => s.Sql.Contains("complainant_email", StringComparison.Ordinal) && s.Sql.Contains("received_on", StringComparison.Ordinal));
        await QueryPlans.AssertNoneReadInFullAsync(statements, SmallTables);
    }

    private static object Complaint(string person, string description) => new
    {
        organisationCode = "RJ1",
        channel = "Email",
        complainant = new { name = $"Sam {person}", email = $"{person}@example.org", phone = "020 7946 0999" },
        description,
    };

    private static async Task<(Guid Id, string Reference, string? StatusSecret)> SubmitAsync(HttpClient http, object body, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/complaints") { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        using var response = await http.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (json.GetProperty("id").GetGuid(), json.GetProperty("reference").GetString()!,
            json.TryGetProperty("statusSecret", out var secret) ? secret.GetString() : null);
    }
}
