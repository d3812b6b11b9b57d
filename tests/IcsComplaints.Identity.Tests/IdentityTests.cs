extern alias identity;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using IcsComplaints.TestKit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using IdentityProgram = identity::Program;

namespace IcsComplaints.Identity.Tests;

/// <summary>The identity service: the grants it offers, the claims its tokens carry, and its production profile.</summary>
public sealed partial class IdentityTests(IdentityService system)
{
    private static JsonWebToken Read(string token) => new(token);

    [Fact]
    public async Task PasswordGrantToken_CarriesRoleOrganisationAndItsType_ForTheServicesAudience()
    {
        var token = Read(await system.TokenAsync("commissioner.qkk"));

        Assert.Equal(system.Issuer, token.Issuer);
        Assert.Contains("ics-api", token.Audiences);
        Assert.Equal("QKK", token.GetClaim("org").Value);
        Assert.Equal("icb", token.GetClaim("org_type").Value);
        Assert.Equal(["icb-commissioner"], token.Claims.Where(c => c.Type == "role").Select(c => c.Value));
        Assert.Equal("RS256", token.Alg);
    }

    [Fact]
    public async Task ClientCredentialsToken_ActsForTheClientsOwnOrganisationOnly()
    {
        var token = Read(await system.ClientTokenAsync("pals-rj1"));

        Assert.Equal("pals-rj1", token.Subject);
        Assert.Equal("RJ1", token.GetClaim("org").Value);
        Assert.Equal("provider", token.GetClaim("org_type").Value);
        Assert.Equal(["integration-system"], token.Claims.Where(c => c.Type == "role").Select(c => c.Value));
    }

    [Fact]
    public async Task AUserCannotAskForAnOrganisationTheyDoNotBelongTo()
    {
        using var http = system.Identity.CreateHttpClient();

        using var response = await http.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["client_id"] = "ics-cli", ["scope"] = "ics-api",
            ["username"] = "handler.rj1", ["password"] = system.DemoPassword, ["org"] = "RJZ",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_grant", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task AWrongPassword_GetsNoToken()
    {
        using var http = system.Identity.CreateHttpClient();

        using var response = await http.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["client_id"] = "ics-cli", ["scope"] = "ics-api", ["username"] = "handler.rj1", ["password"] = "wrong",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_grant", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task AuthorizationCodeWithPkce_SignsInThroughTheSignInPage_AndReturnsATokenForTheUser()
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var browser = new HttpClient(handler) { BaseAddress = system.Identity.HttpAddress };
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        const string redirect = "http://127.0.0.1/signin-callback";
        var authorize = $"/connect/authorize?client_id=ics-web&response_type=code&scope=openid%20ics-api&state=s1" +
            $"&redirect_uri={Uri.EscapeDataString(redirect)}&code_challenge={challenge}&code_challenge_method=S256";

        using var first = await browser.GetAsync(new Uri(authorize, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.StartsWith("/account/login", first.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var page = await browser.GetStringAsync(first.Headers.Location);
        var antiforgery = HiddenField().Match(page);
        using var signIn = await browser.PostAsync(new Uri("/account/login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [antiforgery.Groups["name"].Value] = WebUtility.HtmlDecode(antiforgery.Groups["value"].Value),
            ["userName"] = "quality.rj1",
            ["password"] = system.DemoPassword,
            ["returnUrl"] = WebUtility.UrlDecode(first.Headers.Location.Query.Split("ReturnUrl=")[1]),
        }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        using var back = await browser.GetAsync(signIn.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        var callback = back.Headers.Location!;
        Assert.StartsWith(redirect, callback.ToString(), StringComparison.Ordinal);
        var code = System.Web.HttpUtility.ParseQueryString(callback.Query)["code"]!;
        Assert.Equal("s1", System.Web.HttpUtility.ParseQueryString(callback.Query)["state"]);

        using var exchange = await browser.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = "ics-web", ["code"] = code, ["redirect_uri"] = redirect, ["code_verifier"] = verifier,
        }));

        Assert.Equal(HttpStatusCode.OK, exchange.StatusCode);
        var token = Read((await exchange.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!);
        Assert.Equal("RJ1", token.GetClaim("org").Value);
        Assert.Equal("quality-lead", token.GetClaim("role").Value);
    }

    [Fact]
    public async Task TheSignInPage_RefusesToRedirectToAnotherSite()
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var browser = new HttpClient(handler) { BaseAddress = system.Identity.HttpAddress };
        var page = await browser.GetStringAsync(new Uri("/account/login", UriKind.Relative));
        var antiforgery = HiddenField().Match(page);

        using var signIn = await browser.PostAsync(new Uri("/account/login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [antiforgery.Groups["name"].Value] = WebUtility.HtmlDecode(antiforgery.Groups["value"].Value),
            ["userName"] = "quality.rj1", ["password"] = system.DemoPassword, ["returnUrl"] = "//evil.example/steal",
        }));

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/account/login", signIn.Headers.Location!.ToString());
    }

    [Fact]
    public async Task TheSignInPage_HasAStrictContentSecurityPolicy_ThatItsOwnStyleSatisfies()
    {
        using var browser = SignInPage.Browser(system.Identity.HttpAddress);

        using var first = await browser.GetAsync(new Uri("/account/login", UriKind.Relative));
        using var second = await browser.GetAsync(new Uri("/account/login", UriKind.Relative));
        using var refused = await SignInPage.SignInAsync(browser, "quality.rj1", "not the password");

        foreach (var page in new[] { first, second, refused })
        {
            var policy = Assert.Single(page.Headers.GetValues("Content-Security-Policy"));
            var html = await page.Content.ReadAsStringAsync();
            var directives = policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .ToDictionary(d => d.Split(' ')[0], d => d.Split(' ').Skip(1).ToArray());
            Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
            Assert.Equal(["'none'"], directives["default-src"]);
            Assert.Equal(["'none'"], directives["frame-ancestors"]);
            Assert.Contains("'self'", directives["form-action"]);
            // Every style and script element carries the nonce the policy names, and there are no inline style attributes.
            var nonce = Assert.Single(directives["style-src"]).Trim('\'')["nonce-".Length..];
            Assert.All(StyleOrScript().Matches(html), m => Assert.Equal(nonce, m.Groups["nonce"].Value));
            Assert.Single(StyleOrScript().Matches(html));
            Assert.DoesNotContain(" style=", html, StringComparison.Ordinal);
        }
        Assert.NotEqual(first.Headers.GetValues("Content-Security-Policy"), second.Headers.GetValues("Content-Security-Policy"));
    }

    [Fact]
    public async Task PasswordGrant_IsOffInTheProductionConfiguration()
    {
        await using var production = ProductionIdentity(new()).Start();
        using var http = production.CreateHttpClient();

        var discovery = await http.GetFromJsonAsync<JsonElement>(new Uri("/.well-known/openid-configuration", UriKind.Relative));
        using var response = await http.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["client_id"] = "ics-cli", ["scope"] = "ics-api", ["username"] = "handler.rj1", ["password"] = system.DemoPassword,
        }));

        Assert.DoesNotContain("password", discovery.GetProperty("grant_types_supported").EnumerateArray().Select(g => g.GetString()));
        Assert.Contains("client_credentials", discovery.GetProperty("grant_types_supported").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("unsupported_grant_type", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task PasswordGrant_CannotBeSwitchedOnInProduction_TheServiceRefusesToStart()
    {
        using var production = ProductionIdentity(new() { ["Identity:EnablePasswordGrant"] = "true" });

        var (exitCode, output) = await production.RunUntilExitAsync();

        Assert.NotEqual(0, exitCode);
        Assert.Contains("the password grant exists only there", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InProduction_TheSigningKeyMustComeFromConfiguration()
    {
        using var production = ProductionIdentity(new() { ["Identity:SigningKey"] = null });

        var (exitCode, output) = await production.RunUntilExitAsync();

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Identity:SigningKey (or SigningKeyFile) and Identity:EncryptionKey are required", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APlatformAdministrator_AddsAnOrganisationAUserAndAClient_WhichThenGetTokensForIt()
    {
        using var admin = HttpClients.WithToken(system.Identity.CreateHttpClient(), await system.TokenAsync("admin"));
        var code = "T" + RandomNumberGenerator.GetInt32(10_000, 99_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(12));

        (await admin.PostAsJsonAsync(new Uri("/api/v1/identity/organisations", UriKind.Relative), new { odsCode = code, name = "Test Trust", type = "provider" })).EnsureSuccessStatusCode();
        var user = await (await admin.PostAsJsonAsync(new Uri("/api/v1/identity/users", UriKind.Relative),
            new { userName = $"lead.{code}", displayName = "Test Lead", password })).Content.ReadFromJsonAsync<JsonElement>();
        var userId = user.GetProperty("id").GetGuid();
        (await admin.PutAsJsonAsync(new Uri($"/api/v1/identity/users/{userId}/memberships/{code}", UriKind.Relative), new { roles = new[] { "quality-lead" } })).EnsureSuccessStatusCode();
        var client = await (await admin.PostAsJsonAsync(new Uri("/api/v1/identity/clients", UriKind.Relative), new { clientId = $"pals-{code}", odsCode = code }))
            .Content.ReadFromJsonAsync<JsonElement>();
        using var weak = await admin.PostAsJsonAsync(new Uri("/api/v1/identity/users", UriKind.Relative), new { userName = "weak.user", displayName = "Weak", password = "short" });

        var userToken = Read(await TokenAsync(new() { ["grant_type"] = "password", ["client_id"] = "ics-cli", ["scope"] = "ics-api", ["username"] = $"lead.{code}", ["password"] = password }));
        var clientToken = Read(await TokenAsync(new()
        {
            ["grant_type"] = "client_credentials", ["client_id"] = $"pals-{code.ToLowerInvariant()}", ["client_secret"] = client.GetProperty("clientSecret").GetString()!, ["scope"] = "ics-api",
        }));
        Assert.Equal(code, userToken.GetClaim("org").Value);
        Assert.Equal("quality-lead", userToken.GetClaim("role").Value);
        Assert.Equal(code, clientToken.GetClaim("org").Value);
        Assert.Equal("integration-system", clientToken.GetClaim("role").Value);
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);

        (await admin.PostAsync(new Uri($"/api/v1/identity/users/{userId}/disable", UriKind.Relative), null)).EnsureSuccessStatusCode();
        using var http = system.Identity.CreateHttpClient();
        using var refused = await http.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["client_id"] = "ics-cli", ["scope"] = "ics-api", ["username"] = $"lead.{code}", ["password"] = password,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    private async Task<string> TokenAsync(Dictionary<string, string> form)
    {
        using var http = system.Identity.CreateHttpClient();
        using var response = await http.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(form));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        return body.GetProperty("access_token").GetString()!;
    }

    private ServiceHost<IdentityProgram> ProductionIdentity(Dictionary<string, string?> overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:identitydb"] = system.Identity.Services.GetRequiredService<IConfiguration>().GetConnectionString("identitydb"),
            ["Identity:RequireHttps"] = "false",
            ["Identity:SigningKey"] = system.SigningKey.ExportPkcs8PrivateKeyPem(),
            ["Identity:EncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Authentication:RequireHttpsMetadata"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }
        var host = new ServiceHost<IdentityProgram>(settings, environment: "Production");
        return host.With("Identity:Issuer", host.HttpAddress.ToString()).With("Authentication:Authority", host.HttpAddress.ToString());
    }

    [GeneratedRegex("""<input type="hidden" name="(?<name>__RequestVerificationToken)" value="(?<value>[^"]+)">""")]
    private static partial Regex HiddenField();

    [GeneratedRegex("""<(?:style|script)(?: nonce="(?<nonce>[^"]*)")?[^>]*>""")]
    private static partial Regex StyleOrScript();
}
