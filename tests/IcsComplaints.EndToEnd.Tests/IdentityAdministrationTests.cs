using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;

namespace IcsComplaints.EndToEnd.Tests;

/// <summary>
/// A platform administrator reaches the identity administration API (<c>/api/v1/identity/...</c>) and identity's audit
/// trail through the gateway, as README says; the gateway lets no one else through, and the service decides again.
/// </summary>
public sealed class IdentityAdministrationTests(IcsSystem system)
{
    public static TheoryData<string> NotAdministrators() => new() { "handler.rj1", "quality.rj1", "commissioner.qkk", "advocate.adv01", "complainant" };

    [Fact]
    public async Task APlatformAdministrator_ManagesOrganisationsThroughTheGateway()
    {
        using var admin = system.GatewayHttp(await system.TokenAsync("admin"));
        var code = "G" + Convert.ToHexString(RandomNumberGenerator.GetBytes(3));

        using var created = await admin.PostAsJsonAsync(new Uri("/api/v1/identity/organisations", UriKind.Relative), new { odsCode = code, name = "Gateway Test Trust", type = "provider" });
        using var listed = await admin.GetAsync(new Uri("/api/v1/identity/organisations", UriKind.Relative));
        using var users = await admin.GetAsync(new Uri("/api/v1/identity/users", UriKind.Relative));
        using var audit = await admin.GetAsync(new Uri("/api/v1/audit/identity", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Contains(code, await listed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, users.StatusCode);
        Assert.Equal(HttpStatusCode.OK, audit.StatusCode);
    }

    [Theory]
    [MemberData(nameof(NotAdministrators))]
    public async Task AnyoneElse_IsForbiddenAtTheGateway(string user)
    {
        using var http = system.GatewayHttp(await system.TokenAsync(user));

        using var list = await http.GetAsync(new Uri("/api/v1/identity/users", UriKind.Relative));
        using var add = await http.PostAsJsonAsync(new Uri("/api/v1/identity/organisations", UriKind.Relative), new { odsCode = "ZZZ9", name = "Not allowed", type = "provider" });

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, add.StatusCode);
    }

    [Fact]
    public async Task AnIntegrationSystem_IsForbiddenAtTheGateway()
    {
        using var http = system.GatewayHttp(await system.ClientTokenAsync("pals-rj1"));

        using var response = await http.GetAsync(new Uri("/api/v1/identity/organisations", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task WithoutAToken_TheGatewayAsksForOne()
    {
        using var http = system.GatewayHttp();

        using var response = await http.GetAsync(new Uri("/api/v1/identity/organisations", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
