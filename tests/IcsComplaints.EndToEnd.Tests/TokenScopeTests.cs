extern alias identity;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using IcsComplaints.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using OpenIddict.Abstractions;
using ClientOrganisation = IcsComplaints.Identity.Domain.Accounts.ClientOrganisation;
using IdentityServiceDbContext = identity::IcsComplaints.Identity.Api.Data.IdentityServiceDbContext;

namespace IcsComplaints.EndToEnd.Tests;

/// <summary>
/// A token is for the services (audience <c>ics-api</c>) only when the client asked for the <c>ics-api</c> scope and
/// is allowed it; a token without that scope is refused by the gateway and by every service on its own.
/// </summary>
public sealed class TokenScopeTests(IcsSystem system)
{
    [Theory]
    [InlineData("openid")]
    [InlineData(null)]
    public async Task AUserTokenAskedForWithoutTheApiScope_IsNotForTheServices_AndTheyRefuseIt(string? scope)
    {
        using var identityHttp = system.Identity.CreateHttpClient();
        var (status, body) = await PasswordGrantAsync(identityHttp, scope);
        Assert.Equal(HttpStatusCode.OK, status);
        var token = body.GetProperty("access_token").GetString()!;

        Assert.DoesNotContain("ics-api", new JsonWebToken(token).Audiences);
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(system.GatewayHttp(token), "/api/v1/cases"));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(HttpClients.WithToken(system.Case.CreateHttpClient(), token), "/api/v1/cases"));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(HttpClients.WithToken(system.Identity.CreateHttpClient(), token), "/api/v1/identity/organisations"));
    }

    [Fact]
    public async Task AUserTokenAskedForWithTheApiScope_IsForTheServices()
    {
        using var identityHttp = system.Identity.CreateHttpClient();
        var (_, body) = await PasswordGrantAsync(identityHttp, "openid ics-api");
        var token = body.GetProperty("access_token").GetString()!;

        Assert.Contains("ics-api", new JsonWebToken(token).Audiences);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(system.GatewayHttp(token), "/api/v1/cases"));
    }

    [Fact]
    public async Task AClientTokenAskedForWithoutAScope_IsNotForTheServices()
    {
        using var http = system.Identity.CreateHttpClient();
        using var response = await http.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "pals-rj1", ["client_secret"] = system.DemoClientSecret,
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;

        Assert.DoesNotContain("ics-api", new JsonWebToken(token).Audiences);
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(system.GatewayHttp(token), "/api/v1/cases"));
    }

    [Fact]
    public async Task AClientNotAllowedTheApiScope_GetsNoTokenForIt()
    {
        var clientId = "no-api-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant();
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
        await using (var scope = system.Identity.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>().CreateAsync(new OpenIddictApplicationDescriptor
            {
                ClientId = clientId,
                ClientSecret = secret,
                ClientType = OpenIddictConstants.ClientTypes.Confidential,
                Permissions = { OpenIddictConstants.Permissions.Endpoints.Token, OpenIddictConstants.Permissions.GrantTypes.ClientCredentials },
            });
            var db = scope.ServiceProvider.GetRequiredService<IdentityServiceDbContext>();
            db.ClientOrganisations.Add(new ClientOrganisation(clientId, "RJ1", ["integration-system"]));
            await db.SaveChangesAsync();
        }
        using var http = system.Identity.CreateHttpClient();

        using var response = await http.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret, ["scope"] = "ics-api",
        }));

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(body.TryGetProperty("access_token", out _));
        Assert.Contains("scope", body.GetProperty("error_description").GetString(), StringComparison.Ordinal);
    }

    private Task<(HttpStatusCode Status, JsonElement Body)> PasswordGrantAsync(HttpClient http, string? scope) =>
        SignInPage.PasswordGrantAsync(http, "quality.rj1", system.DemoPassword, scope);

    private static async Task<HttpStatusCode> StatusAsync(HttpClient http, string path)
    {
        using (http)
        {
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
            return response.StatusCode;
        }
    }
}
