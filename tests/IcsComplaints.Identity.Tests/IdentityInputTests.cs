using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using IcsComplaints.TestKit;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;

namespace IcsComplaints.Identity.Tests;

/// <summary>
/// Malformed input to the identity service answers 400 and stores nothing: the token endpoint with an OAuth error,
/// the sign-in page with its error, the administration API with a problem naming each field. Never a 500.
/// </summary>
public sealed class IdentityInputTests(IdentityService system)
{
    public static TheoryData<string, string> NulInTokenRequests() => new()
    {
        { "username", "handler\0.rj1" },
        { "password", "pass\0word" },
        { "client_id", "ics\0-cli" },
        { "scope", "ics-api\0" },
        { "grant_type", "pass\0word" },
        { "org", "RJ1\0" },
    };

    [Theory]
    [MemberData(nameof(NulInTokenRequests))]
    public async Task ANulInAnyTokenRequestField_IsAnOAuthError_NotA500(string field, string value)
    {
        var form = PasswordForm();
        form[field] = value;
        using var http = system.Identity.CreateHttpClient();

        using var response = await http.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task MoreThan1024FormFields_IsAnOAuthError_NotA500()
    {
        var form = PasswordForm().ToList();
        form.AddRange(Enumerable.Range(0, 1_100).Select(i => KeyValuePair.Create($"extra{i}", "x")));
        using var http = system.Identity.CreateHttpClient();

        using var response = await http.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task ANulInTheAuthorizationRequest_IsRefused_NotA500()
    {
        using var browser = SignInPage.Browser(system.Identity.HttpAddress);

        using var response = await browser.GetAsync(new Uri(
            "/connect/authorize?client_id=ics-web%00&response_type=code&scope=openid&redirect_uri=http%3A%2F%2F127.0.0.1%2Fsignin-callback", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("handler\0.rj1", "a password", "")]
    [InlineData("handler.rj1", "pass\0word", "")]
    [InlineData("handler.rj1", "a password", "/connect/authorize\0")]
    public async Task ANulOrWorseInTheSignInForm_ShowsTheSignInPageWithItsError_NotA500(string userName, string password, string returnUrl)
    {
        using var browser = SignInPage.Browser(system.Identity.HttpAddress);

        using var response = await SignInPage.SignInAsync(browser, userName, password, returnUrl);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(await SignInPage.ErrorAsync(response) is not null, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ASignInPostThatIsNotAForm_IsRefusedWith415_NotA500()
    {
        using var browser = SignInPage.Browser(system.Identity.HttpAddress);

        using var response = await browser.PostAsJsonAsync(new Uri("/account/login", UriKind.Relative), new { userName = "handler.rj1", password = "a password" });

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task ASignInFormOfMoreThan1024Fields_ShowsTheSignInPageWithItsError_NotA500()
    {
        using var browser = SignInPage.Browser(system.Identity.HttpAddress);
        var form = new List<KeyValuePair<string, string>> { new("userName", "handler.rj1"), new("password", "a password") };
        form.AddRange(Enumerable.Range(0, 1_100).Select(i => KeyValuePair.Create($"extra{i}", "x")));

        using var response = await browser.PostAsync(new Uri("/account/login", UriKind.Relative), new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(await SignInPage.ErrorAsync(response) is not null, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/connect/authorize?x=\u00e9")]
    [InlineData("/connect/authorize\r\nSet-Cookie: a=b")]
    public async Task ASignInWithTheRightPasswordAndAReturnAddressThatIsNotAPlainPath_GoesToTheSignInPageOnly(string returnUrl)
    {
        using var browser = SignInPage.Browser(system.Identity.HttpAddress);

        using var response = await SignInPage.SignInAsync(browser, "investigator.rj1", system.DemoPassword, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location!.ToString());
    }

    // Invisible-only text is a missing value: refused where a name is required, absent where it is optional.
    public static TheoryData<string, string> BadNames(bool required)
    {
        var data = new TheoryData<string, string>
        {
            { "a NUL", "Test\0Trust" },
            { "a bell", "Test\u0007Trust" },
            { "a C1 control", "Test\u0085Trust" },
            { "a line break", "Test\nTrust" },
            { "201 characters", new string('a', 201) },
            { "100,000 characters", new string('a', 100_000) },
        };
        if (required)
        {
            data.Add("only zero-width spaces", "\u200B\u200B\u200B");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(BadNames), true)]
    public async Task AnOrganisationName_With(string what, string name)
    {
        var code = NewCode();

        var errors = await RefusedAsync(HttpMethod.Post, "/api/v1/identity/organisations", new { odsCode = code, name, type = "provider" });

        Assert.True(errors.TryGetProperty("name", out _), $"{what}: {errors}");
        using var admin = await AdminAsync();
        var organisations = await admin.GetStringAsync(new Uri("/api/v1/identity/organisations", UriKind.Relative));
        Assert.DoesNotContain(code, organisations, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BadNames), true)]
    public async Task AUsersDisplayName_With(string what, string name)
    {
        var userName = "input." + NewCode().ToLowerInvariant();

        var errors = await RefusedAsync(HttpMethod.Post, "/api/v1/identity/users", new { userName, displayName = name, password = "a long enough password" });

        Assert.True(errors.TryGetProperty("displayName", out _), $"{what}: {errors}");
        using var admin = await AdminAsync();
        Assert.DoesNotContain(userName, await admin.GetStringAsync(new Uri("/api/v1/identity/users", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BadNames), false)]
    public async Task AClientsDisplayName_With(string what, string name)
    {
        var clientId = "input-" + NewCode().ToLowerInvariant();

        var errors = await RefusedAsync(HttpMethod.Post, "/api/v1/identity/clients", new { clientId, displayName = name, odsCode = "RJ1" });

        Assert.True(errors.TryGetProperty("displayName", out _), $"{what}: {errors}");
        await using var scope = system.Identity.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>().FindByClientIdAsync(clientId));
    }

    [Theory]
    [InlineData("handler\0.x")]
    [InlineData("handler\u0007.x")]
    [InlineData("\u200B\u200B\u200B")]
    public async Task AUserName_WithControlOrOnlyInvisibleCharacters_IsRefused(string userName)
    {
        var errors = await RefusedAsync(HttpMethod.Post, "/api/v1/identity/users", new { userName, displayName = "Input test", password = "a long enough password" });

        Assert.True(errors.TryGetProperty("userName", out _), errors.ToString());
    }

    [Fact]
    public async Task AUserWithOneRoleAThousandTimes_IsRefused()
    {
        var userName = "input." + NewCode().ToLowerInvariant();

        var errors = await RefusedAsync(HttpMethod.Post, "/api/v1/identity/users",
            new { userName, displayName = "Input test", password = "a long enough password", roles = Enumerable.Repeat("complainant", 1_000).ToArray() });

        Assert.True(errors.TryGetProperty("roles", out _), errors.ToString());
        using var admin = await AdminAsync();
        Assert.DoesNotContain(userName, await admin.GetStringAsync(new Uri("/api/v1/identity/users", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("complaints-handler", "complaints-handler")]
    [InlineData("complaints-handler", "chief-wizard")]
    [InlineData("complaints-handler", "Complaints-Handler")]
    public async Task AMembershipWithARoleTwiceOrAnUnknownRole_IsRefused(string first, string second)
    {
        using var admin = await AdminAsync();
        using var created = await admin.PostAsJsonAsync(new Uri("/api/v1/identity/users", UriKind.Relative),
            new { userName = "input." + NewCode().ToLowerInvariant(), displayName = "Input test", password = "a long enough password" });
        var userId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var errors = await RefusedAsync(HttpMethod.Put, $"/api/v1/identity/users/{userId}/memberships/RJ1", new { roles = new[] { first, second } });

        Assert.True(errors.TryGetProperty("roles", out _), errors.ToString());
        var users = await admin.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/identity/users", UriKind.Relative));
        var user = users.EnumerateArray().Single(u => u.GetProperty("id").GetGuid() == userId);
        Assert.Empty(user.GetProperty("memberships").EnumerateArray());
    }

    private Dictionary<string, string> PasswordForm() => new()
    {
        ["grant_type"] = "password", ["client_id"] = "ics-cli", ["scope"] = "ics-api", ["username"] = "handler.rj1", ["password"] = system.DemoPassword,
    };

    private static string NewCode() => "X" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4));

    private async Task<HttpClient> AdminAsync() => HttpClients.WithToken(system.Identity.CreateHttpClient(), await system.TokenAsync("admin"));

    // The request is refused with 400 and a problem document; its field errors.
    private async Task<JsonElement> RefusedAsync(HttpMethod method, string path, object body)
    {
        using var admin = await AdminAsync();
        using var response = await admin.SendAsync(new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {problem}");
        return problem.GetProperty("errors");
    }
}
