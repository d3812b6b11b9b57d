using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IcsComplaints.ComplaintHandling.Tests;
using IcsComplaints.TestKit;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.Intake.Tests;

/// <summary>
/// Staff record over REST a complaint received by telephone, letter, e-mail or in person, with a representative's
/// basis and consent (Reg 5, 13); the public submit online only.
/// </summary>
public sealed class StaffRecordedComplaintTests(ComplaintHandlingSystem system)
{
    private const string Complaints = "/api/v1/complaints";

    private static string Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")).DateTime)
        .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("Letter")]
    [InlineData("Email")]
    [InlineData("Phone")]
    [InlineData("InPerson")]
    public async Task Staff_RecordARepresentativesComplaint_ReceivedByAnyChannel_WithTheBasisAndConsent(string channel)
    {
        using var staff = system.Intake.Http(await system.TokenAsync("handler.rj1"));

        var created = await ApiCalls.PostAsync(staff, Complaints, new
        {
            organisationCode = "RJ1",
            channel,
            receivedOn = Today,
            complainant = new { name = "Femi Okoro", phone = "020 7946 0789", type = "Representative", relationshipToPatient = "Son" },
            representation = new { basis = "PersonAsked", consentEvidence = "Verbal", consentRecordedOn = Today },
            description = $"Recorded by staff ({channel}): my mother's care plan was never shared.",
        }, HttpStatusCode.Created);

        Assert.False(created.TryGetProperty("statusSecret", out var secret) && secret.ValueKind == JsonValueKind.String, "staff-recorded complaints have no online status secret");
        var detail = await ApiCalls.GetAsync(staff, $"{Complaints}/{created.GetProperty("id").GetGuid()}");
        Assert.Equal(channel, detail.GetProperty("channel").GetString());
        var representation = detail.GetProperty("representation");
        Assert.Equal(("PersonAsked", "Verbal", "Son"), (
            representation.GetProperty("basis").GetString(), representation.GetProperty("consentEvidence").GetString(), representation.GetProperty("relationship").GetString()));
    }

    [Fact]
    public async Task Staff_WhoGiveNoChannel_RecordAnOnlineComplaint_AndAnOralOnesWrittenRecordKeepsReg13sRules()
    {
        using var staff = system.Intake.Http(await system.TokenAsync("handler.rj1"));
        var body = new { organisationCode = "RJ1", complainant = new { name = "Rita Moss", email = "rita@example.org" }, description = "Lost property." };

        var created = await ApiCalls.PostAsync(staff, Complaints, body, HttpStatusCode.Created);
        Assert.Equal("Online", (await ApiCalls.GetAsync(staff, $"{Complaints}/{created.GetProperty("id").GetGuid()}")).GetProperty("channel").GetString());

        Assert.Equal(["writtenRecordSentOn"], await RefusedFieldsAsync(staff, new
        {
            organisationCode = "RJ1", channel = "Letter", writtenRecordSentOn = Today, complainant = new { name = "Rita Moss" }, description = "A letter.",
        }));
    }

    [Theory]
    [InlineData("Phone")]
    [InlineData("Letter")]
    [InlineData("InPerson")]
    public async Task ThePublic_CannotSetAChannelOtherThanOnline_AndNothingIsStored(string channel)
    {
        using var anonymous = system.Intake.Http();
        var description = $"Public submission claiming {channel} {Guid.NewGuid():N}";

        Assert.Equal(["channel"], await RefusedFieldsAsync(anonymous, new
        {
            organisationCode = "RJ1", channel, complainant = new { name = "Sam Public", email = "sam@example.org" }, description,
        }));
        Assert.False(await system.InIntakeDb(db => db.Complaints.AnyAsync(c => c.Description == description)));
        var online = await ApiCalls.PostAsync(anonymous, Complaints, new
        {
            organisationCode = "RJ1", channel = "Online", complainant = new { name = "Sam Public", email = "sam@example.org" }, description,
        }, HttpStatusCode.Created);
        Assert.Equal(JsonValueKind.String, online.GetProperty("statusSecret").ValueKind);
    }

    private static async Task<IReadOnlyList<string>> RefusedFieldsAsync(HttpClient http, object body)
    {
        using var response = await http.PostAsJsonAsync(new Uri(Complaints, UriKind.Relative), body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
        return [.. JsonDocument.Parse(text).RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name)];
    }
}
