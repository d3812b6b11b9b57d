using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using IcsComplaints.TestKit;
using Microsoft.IdentityModel.JsonWebTokens;

namespace IcsComplaints.Identity.Tests;

/// <summary>
/// The staff directory: any member of an organisation's staff lists its enabled users, by name, with the subject id
/// their tokens carry (what the case service assigns and matches), filtered by role, and audited.
/// </summary>
public sealed class StaffDirectoryTests(IdentityService system)
{
    private const string Staff = "/api/v1/identity/staff";

    [Fact]
    public async Task Staff_ListTheirOwnOrganisationsEnabledUsers_ByName_WithTheSubjectIdTheirTokensCarry()
    {
        var token = await system.TokenAsync("investigator.rjz");
        using var investigator = HttpClients.WithToken(system.Identity.CreateHttpClient(), token);
        var ownSubject = new JsonWebToken(token).Subject;
        var otherTrustSubject = new JsonWebToken(await system.TokenAsync("handler.rj1")).Subject;

        var staff = await ListAsync(investigator, Staff);

        var me = Assert.Single(staff, s => s.SubjectId == ownSubject);
        Assert.Equal(["investigator"], me.Roles);
        Assert.DoesNotContain(staff, s => s.SubjectId == otherTrustSubject);
        Assert.All(staff, s => Assert.NotEmpty(s.Roles));
        Assert.Equal(staff.Select(s => s.DisplayName).Order(StringComparer.CurrentCultureIgnoreCase), staff.Select(s => s.DisplayName));
        Assert.True(staff.Count >= 4, "the demo trust has a handler, an investigator, a responsible person and a quality lead");

        var responsibleSubject = new JsonWebToken(await system.TokenAsync("responsible.rjz")).Subject;
        var responsible = await ListAsync(investigator, $"{Staff}?role=Responsible-Person");
        var only = Assert.Single(responsible, s => s.SubjectId == responsibleSubject);
        Assert.All(responsible, s => Assert.Contains("responsible-person", s.Roles));
        Assert.Equal(["responsible-person"], only.Roles);
    }

    [Fact]
    public async Task ADisabledUser_LeavesTheDirectory_AndEachListingIsAuditedAsARead()
    {
        using var admin = HttpClients.WithToken(system.Identity.CreateHttpClient(), await system.TokenAsync("admin"));
        var name = "directory." + Convert.ToHexString(RandomNumberGenerator.GetBytes(5)).ToLowerInvariant();
        using var created = await admin.PostAsJsonAsync(new Uri("/api/v1/identity/users", UriKind.Relative),
            new { userName = name, displayName = "Aaron Directory", password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)), roles = Array.Empty<string>() });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await admin.PutAsJsonAsync(new Uri($"/api/v1/identity/users/{id}/memberships/RJZ", UriKind.Relative), new { roles = new[] { "investigator" } })).EnsureSuccessStatusCode();
        using var handler = HttpClients.WithToken(system.Identity.CreateHttpClient(), await system.TokenAsync("handler.rjz"));

        Assert.Contains(await ListAsync(handler, $"{Staff}?role=investigator"), s => s.SubjectId == id.ToString() && s.DisplayName == "Aaron Directory");
        var trail = await admin.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/audit/identity?resourceId={id}", UriKind.Relative));
        Assert.Contains(trail.GetProperty("items").EnumerateArray(), e => e.GetProperty("action").GetString() == "Read");

        (await admin.PostAsync(new Uri($"/api/v1/identity/users/{id}/disable", UriKind.Relative), null)).EnsureSuccessStatusCode();
        Assert.DoesNotContain(await ListAsync(handler, Staff), s => s.SubjectId == id.ToString());
    }

    [Fact]
    public async Task AnUnknownRoleOrParameter_IsAFieldLevel400_AndOnlyAnOrganisationsStaffMayList()
    {
        using var handler = HttpClients.WithToken(system.Identity.CreateHttpClient(), await system.TokenAsync("handler.rj1"));
        foreach (var (query, field) in new[] { ("role=surgeon", "role"), ("name=Smith", "name") })
        {
            using var refused = await handler.GetAsync(new Uri($"{Staff}?{query}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
        }
        foreach (var (token, expected) in new[]
        {
            (await system.TokenAsync("complainant"), HttpStatusCode.Forbidden),
            (await system.TokenAsync("admin"), HttpStatusCode.Forbidden),
            (await system.ClientTokenAsync("pals-rj1"), HttpStatusCode.Forbidden),
            ((string?)null, HttpStatusCode.Unauthorized),
        })
        {
            using var http = HttpClients.WithToken(system.Identity.CreateHttpClient(), token);
            using var response = await http.GetAsync(new Uri(Staff, UriKind.Relative));
            Assert.Equal(expected, response.StatusCode);
        }
    }

    private static async Task<IReadOnlyList<Member>> ListAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return [.. JsonDocument.Parse(text).RootElement.GetProperty("items").EnumerateArray().Select(i => new Member(
            i.GetProperty("subjectId").GetString()!, i.GetProperty("displayName").GetString()!,
            [.. i.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!)]))];
    }

    private sealed record Member(string SubjectId, string DisplayName, IReadOnlyList<string> Roles);
}
