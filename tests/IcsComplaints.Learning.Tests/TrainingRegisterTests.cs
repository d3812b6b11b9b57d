using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IcsComplaints.Calendar;
using IcsComplaints.Platform.Audit;
using Microsoft.EntityFrameworkCore;

using static IcsComplaints.TestKit.ApiCalls;

namespace IcsComplaints.Learning.Tests;

/// <summary>
/// A provider's quality lead keeps its register of the staff who deal with complaints and the courses each completed;
/// the coverage counts only who is on the register and current on what their role needs, and the ICB that commissions
/// the provider sees those counts and never a name.
/// </summary>
public sealed class TrainingRegisterTests(LearningSystem system)
{
    private static DateOnly Today => LondonTime.Today(TimeProvider.System);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task AQualityLeadRecordsTraining_TheCoverageCountsWhatEachRoleNeedsWithinThreeYears_AndTheIcbSeesCountsWithoutNames()
    {
        using var quality = system.Http(await system.TokenAsync("quality.rjz"));
        var ann = await AddAsync(quality, "Ann Okafor", "LooksIntoComplaints");
        var ben = await AddAsync(quality, "Ben Price", "FrontLine");
        var cal = await AddAsync(quality, "Cal Idris", "SeniorLeader");
        await CompleteAsync(quality, ann, "identifying-complaints", Today.AddDays(-100));
        // Four years ago: lapsed after three, so Ann is to do it again.
        await CompleteAsync(quality, ann, "early-resolution", Today.AddYears(-4));
        await CompleteAsync(quality, ann, "looking-into-complaints", Today);
        await CompleteAsync(quality, ann, "duty-of-candour", Today);
        await CompleteAsync(quality, ben, "identifying-complaints", Today);
        var benNow = await CompleteAsync(quality, ben, "early-resolution", null);
        await CompleteAsync(quality, cal, "identifying-complaints", Today);
        Assert.True(benNow.GetProperty("fullyTrained").GetBoolean());
        Assert.Equal(Day(Today), benNow.GetProperty("completions")[0].GetProperty("completedOn").GetString());

        // All: Ben alone. Early resolution: Ben of Ann and Ben. Candour: Ann of Ann and Cal. Learning culture: not Cal.
        var expected = new Dictionary<string, (int Needed, int Current)>
        {
            ["all"] = (3, 1), ["identifying-complaints"] = (3, 3), ["early-resolution"] = (2, 1), ["looking-into-complaints"] = (1, 1),
            ["duty-of-candour"] = (2, 1), ["learning-culture"] = (1, 0),
        };
        Assert.Equal(expected, Coverage(await GetAsync(quality, "/api/v1/learning/training/coverage")));
        var annNow = (await GetAsync(quality, "/api/v1/learning/training/staff")).GetProperty("items").EnumerateArray().Single(s => s.GetProperty("id").GetGuid() == ann);
        var early = annNow.GetProperty("courses").EnumerateArray().Single(c => c.GetProperty("course").GetString() == "early-resolution");
        Assert.Equal((false, Day(Today.AddYears(-4))), (early.GetProperty("current").GetBoolean(), early.GetProperty("lastCompletedOn").GetString()));

        // The ICB that commissions RJZ sees the same counts, and no one's name anywhere in what it gets.
        using var icb = system.Http(await system.TokenAsync("commissioner.qkk"));
        var providers = await icb.GetStringAsync(Uri("/api/v1/learning/training/coverage/providers"));
        var rjz = JsonDocument.Parse(providers).RootElement.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("organisationCode").GetString() == "RJZ");
        Assert.Equal(expected, Coverage(rjz));
        Assert.DoesNotContain("Okafor", providers, StringComparison.Ordinal);
        Assert.Equal(expected, Coverage(await GetAsync(icb, "/api/v1/learning/training/coverage?organisation=RJZ")));

        // Ben leaves: he no longer counts, and nothing more can be recorded for him.
        await PostAsync(quality, $"/api/v1/learning/training/staff/{ben}/departure", new { leftOn = Day(Today) });
        var afterBen = Coverage(await GetAsync(quality, "/api/v1/learning/training/coverage"));
        Assert.Equal(((2, 0), (1, 0)), (afterBen["all"], afterBen["early-resolution"]));
        using (var late = await quality.PostAsJsonAsync(Uri($"/api/v1/learning/training/staff/{ben}/completions"), new { course = "duty-of-candour" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        }

        // Reading the register, which names staff, is audited as a read of the organisation's register.
        Assert.True(await system.InLearningDb(db => db.Set<AuditEntry>().AnyAsync(a =>
            a.Action == AuditAction.Read && a.ResourceType == "training-register" && a.ResourceId == "RJZ" && a.ActorOrganisation == "RJZ")));
    }

    [Fact]
    public async Task BadInputIsRefusedFieldByField_AndStoresNothing_WhileOthersOrganisationsAndRolesGetNothing()
    {
        using var quality = system.Http(await system.TokenAsync("quality.rj1"));
        var before = await system.InLearningDb(db => db.StaffTraining.CountAsync(s => s.OrganisationCode == "RJ1"));
        await AssertFieldsAsync(quality, "/api/v1/learning/training/staff", new { name = " ", role = "Porter" }, "name", "role");
        Assert.Equal(before, await system.InLearningDb(db => db.StaffTraining.CountAsync(s => s.OrganisationCode == "RJ1")));

        var dee = await AddAsync(quality, "Dee Marsh", "FrontLine");
        await AssertFieldsAsync(quality, $"/api/v1/learning/training/staff/{dee}/completions", new { course = "fire-safety", completedOn = Day(Today.AddDays(1)) }, "course", "completedOn");
        await AssertFieldsAsync(quality, $"/api/v1/learning/training/staff/{dee}/departure", new { leftOn = "2026-02-30" }, "leftOn");
        Assert.Equal(0, await system.InLearningDb(db => db.StaffTraining.Where(s => s.Id == dee).SelectMany(s => s.Completions).CountAsync()));

        // Another organisation's quality lead cannot find Dee; a handler does not keep the register; another ICB sees none of RJ1.
        using (var rjz = await system.Http(await system.TokenAsync("quality.rjz")).PostAsJsonAsync(Uri($"/api/v1/learning/training/staff/{dee}/completions"), new { course = "early-resolution" }))
        {
            Assert.Equal(HttpStatusCode.NotFound, rjz.StatusCode);
        }
        using (var handler = await system.Http(await system.TokenAsync("handler.rj1")).GetAsync(Uri("/api/v1/learning/training/staff")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, handler.StatusCode);
        }
        using (var qop = await system.Http(await system.TokenAsync("commissioner.qop")).GetAsync(Uri("/api/v1/learning/training/coverage?organisation=RJ1")))
        {
            Assert.Equal(HttpStatusCode.NotFound, qop.StatusCode);
        }
        // The handler still sees how trained its own organisation is, in counts.
        var own = await GetAsync(system.Http(await system.TokenAsync("handler.rj1")), "/api/v1/learning/training/coverage");
        Assert.Equal("RJ1", own.GetProperty("organisationCode").GetString());
    }

    private static Uri Uri(string path) => new(path, UriKind.Relative);

    private static Dictionary<string, (int, int)> Coverage(JsonElement coverage) =>
        coverage.GetProperty("courses").EnumerateArray().ToDictionary(
            c => c.GetProperty("course").GetString()!, c => (c.GetProperty("needed").GetInt32(), c.GetProperty("current").GetInt32()));

    private static async Task<Guid> AddAsync(HttpClient http, string name, string role) =>
        (await PostAsync(http, "/api/v1/learning/training/staff", new { name, jobTitle = "Complaints team", role }, HttpStatusCode.Created)).GetProperty("id").GetGuid();

    private static Task<JsonElement> CompleteAsync(HttpClient http, Guid id, string course, DateOnly? on) =>
        PostAsync(http, $"/api/v1/learning/training/staff/{id}/completions", new { course, completedOn = on is { } day ? Day(day) : null });

    private static async Task AssertFieldsAsync(HttpClient http, string path, object body, params string[] fields)
    {
        using var response = await http.PostAsJsonAsync(Uri(path), body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(fields.Order(StringComparer.Ordinal), errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
    }
}
