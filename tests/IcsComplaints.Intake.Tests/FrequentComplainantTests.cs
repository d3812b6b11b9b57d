extern alias intake;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IcsComplaints.ComplaintHandling.Tests;
using IcsComplaints.TestKit;
using Microsoft.EntityFrameworkCore;
using EitherOr = IcsComplaints.Intake.Domain.Rules.EitherOr;
using IntakeDbContext = intake::IcsComplaints.Intake.Api.Data.IntakeDbContext;

namespace IcsComplaints.Intake.Tests;

/// <summary>
/// Someone who complains again and again: each new complaint is offered with the few matters it may repeat (open ones
/// first, then the most recent, at most <see cref="EitherOr.MostOffered"/>), and finding them reads a bounded number
/// of their complaints however many they made.
/// </summary>
public sealed class FrequentComplainantTests(ComplaintHandlingSystem system)
{
    private const int Earlier = 200;
    private const int Open = 3;

    [Fact]
    public async Task APersonWithTwoHundredEarlierComplaints_IsOfferedAtMostFive_TheOpenOnesFirst_ThenTheMostRecent()
    {
        using var staff = system.Intake.Http(await system.TokenAsync("handler.rj1"));
        var person = Guid.NewGuid().ToString("N")[..10];
        var email = $"{person}@example.org";
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        // The open ones are the oldest (about ten months ago, still within the year a complaint without dates covers),
        // so that only putting open ones first offers them; the closed ones were received one a day up to yesterday,
        // so the most recent are told apart by their day.
        var csv = new StringBuilder("external_id,organisation_code,received_on,complainant_name,description,complainant_email,closed_on,outcome\n");
        for (var i = 1; i <= Earlier; i++)
        {
            var receivedOn = Day(today.AddDays(-(i <= Earlier - Open ? i : 100 + i)));
            var closed = i <= Earlier - Open ? $"{receivedOn},NotUpheld" : ",";
            csv.Append(CultureInfo.InvariantCulture, $"{person}-{i},RJ1,{receivedOn},Pat {person},Complaint number {i}.,{email},{closed}\n");
        }
        await ImportAsync(staff, csv.ToString());

        using var sent = SentSql.Record();
        using var response = await staff.PostAsJsonAsync(new Uri("/api/v1/complaints", UriKind.Relative), new
        {
            organisationCode = "RJ1",
            channel = "Email",
            complainant = new { name = $"Pat {person}", email = email.ToUpperInvariant() },
            description = "Complaint number 201.",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var offered = await system.InIntakeDb(db => (
            from pair in db.DuplicateCandidates
            join earlier in db.Complaints on pair.CandidateComplaintId equals earlier.Id
            where pair.ComplaintId == id
            select earlier.ImportExternalId).ToListAsync());
        Assert.Equal(EitherOr.MostOffered, offered.Count);
        var expected = Enumerable.Range(Earlier - Open + 1, Open).Concat([1, 2]).Select(i => $"{person}-{i}");
        Assert.Equal(expected.Order(StringComparer.Ordinal), offered.Order(StringComparer.Ordinal));

        // The earlier complaints are read in SQL up to a limit, from an index: never all of the person's complaints.
        var lookup = Assert.Single(sent.Of<IntakeDbContext>(), s => s.Sql.Contains("lower(c.complainant_email)", StringComparison.Ordinal));
        Assert.Contains("LIMIT", lookup.Sql, StringComparison.Ordinal);
        Assert.Contains(await QueryPlans.PlanAsync(lookup), scan => scan.Table == "complaints" && scan.Index is not null);
        await QueryPlans.AssertNoneReadInFullAsync([lookup], IntakeQueryPlanTests.SmallTables);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task ImportAsync(HttpClient http, string csv)
    {
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        using var response = await http.PostAsync(new Uri("/api/v1/complaints/imports", UriKind.Relative), content);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var location = response.Headers.Location!.OriginalString;
        var status = default(JsonElement);
        await Eventually.TrueAsync(async () =>
        {
            status = await ApiCalls.GetAsync(http, location);
            return status.GetProperty("state").GetString() == "Finished";
        }, TimeSpan.FromSeconds(120), "the import finishes");
        Assert.Equal(Earlier, status.GetProperty("accepted").GetInt32());
    }
}
