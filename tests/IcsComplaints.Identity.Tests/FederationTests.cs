extern alias identity;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Web;
using IcsComplaints.TestKit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using IdentityProgram = identity::Program;

namespace IcsComplaints.Identity.Tests;

/// <summary>
/// Sign-in federated to an external OpenID Connect provider (NHS CIS2 for staff, NHS login for the public), driven as
/// a browser does: the portal's authorization request, the button on the sign-in page, the provider's own sign-in,
/// its callback, and the token the portal gets at the end.
/// </summary>
public sealed partial class FederationTests(FederatedIdentity system, IdentityService plainIdentity) : IClassFixture<FederatedIdentity>
{
    [Fact]
    public async Task AStaffUserSignedInByTheProvider_GetsATokenWithTheirLinkedLocalAccountsRolesAndOrganisation()
    {
        // At the provider they are a handler at RJZ; here the account linked to them is quality lead at RJ1.
        var subject = await ProviderUserIdAsync("handler.rjz");
        var local = await LocalUserAsync("quality.rj1");
        using var admin = await AdminAsync();
        (await admin.PutAsJsonAsync(new Uri($"/api/v1/identity/users/{local.Id}/external-logins/Cis2", UriKind.Relative), new { subject })).EnsureSuccessStatusCode();
        using var browser = Browser();

        var (answer, verifier) = await SignInThroughProviderAsync(browser, "cis2", "handler.rjz");
        var token = await ExchangeAsync(browser, answer, verifier);

        Assert.Equal(local.Id.ToString(), token.Subject);
        Assert.Equal(system.Identity.HttpAddress.ToString(), token.Issuer);
        Assert.Contains("ics-api", token.Audiences);
        Assert.Equal("RJ1", token.GetClaim("org").Value);
        Assert.Equal("provider", token.GetClaim("org_type").Value);
        Assert.Equal(["quality-lead"], token.Claims.Where(c => c.Type == "role").Select(c => c.Value));
    }

    [Fact]
    public async Task AStaffUserTheProviderKnowsButNoAccountHereIsLinkedTo_IsRefusedWithAClearPage_AndNoAccountIsMade()
    {
        var subject = await ProviderUserIdAsync("investigator.qop");
        var before = await LocalUsersAsync();
        using var browser = Browser();

        var (answer, _) = await SignInThroughProviderAsync(browser, "cis2", "investigator.qop");

        Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
        Assert.Equal(
            "The account you signed in with is not linked to an account here. Ask the administrator of this service at your organisation to link it.",
            await SignInPage.ErrorAsync(answer));
        var after = await LocalUsersAsync();
        Assert.Equal(before.Count, after.Count);
        Assert.DoesNotContain(after, u => u.GetProperty("externalLogins").EnumerateArray().Any(l => l.GetProperty("subject").GetString() == subject));
        await AssertNotSignedInAsync(browser);
    }

    [Fact]
    public async Task APublicUser_GetsAComplainantAccountOnTheirFirstSignIn_AndTheSameAccountTheNextTime()
    {
        var subject = await ProviderUserIdAsync("complainant2");
        var before = await LocalUsersAsync();

        using var first = Browser();
        var (answer, verifier) = await SignInThroughProviderAsync(first, "nhslogin", "complainant2");
        var firstToken = await ExchangeAsync(first, answer, verifier);
        using var second = Browser();
        (answer, verifier) = await SignInThroughProviderAsync(second, "nhslogin", "complainant2");
        var secondToken = await ExchangeAsync(second, answer, verifier);

        Assert.Equal(["complainant"], firstToken.Claims.Where(c => c.Type == "role").Select(c => c.Value));
        Assert.False(firstToken.TryGetClaim("org", out _));
        Assert.Equal(firstToken.Subject, secondToken.Subject);
        var after = await LocalUsersAsync();
        Assert.Equal(before.Count + 1, after.Count);
        var made = Assert.Single(after, u => u.GetProperty("id").GetString() == firstToken.Subject);
        Assert.Equal(["complainant"], made.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Empty(made.GetProperty("memberships").EnumerateArray());
        var link = Assert.Single(made.GetProperty("externalLogins").EnumerateArray());
        Assert.Equal(("nhslogin", subject, "FirstSignIn"),
            (link.GetProperty("provider").GetString(), link.GetProperty("subject").GetString(), link.GetProperty("method").GetString()));
    }

    [Fact]
    public async Task TheSignInPage_HasAButtonForEachConfiguredProvider_WhichItsPolicyLetsTheFormReach_AndNoneWhenThereAreNone()
    {
        using var browser = Browser();
        using var federating = await browser.GetAsync(new Uri(system.Identity.HttpAddress, "/account/login"));
        using var plain = await browser.GetAsync(new Uri(plainIdentity.Identity.HttpAddress, "/account/login"));

        var html = await federating.Content.ReadAsStringAsync();
        Assert.Equal(
            [("cis2", FederatedIdentity.StaffButton), ("nhslogin", FederatedIdentity.PublicButton)],
            ProviderButton().Matches(html).Select(m => (m.Groups["id"].Value, m.Groups["text"].Value)));
        Assert.Contains("<form method=\"post\" action=\"/account/external\"", html, StringComparison.Ordinal);
        var formAction = Assert.Single(federating.Headers.GetValues("Content-Security-Policy")).Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("form-action", StringComparison.Ordinal));
        Assert.Contains(system.ProviderAddress.GetLeftPart(UriPartial.Authority), formAction.Split(' '));
        var plainHtml = await plain.Content.ReadAsStringAsync();
        Assert.Empty(ProviderButton().Matches(plainHtml));
        Assert.DoesNotContain("/account/external", plainHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACallbackWhoseStateWasTamperedWith_IsRefused_AndSignsNoOneIn()
    {
        var local = await LocalUserAsync("responsible.rj1");
        using var admin = await AdminAsync();
        (await admin.PutAsJsonAsync(new Uri($"/api/v1/identity/users/{local.Id}/external-logins/Cis2", UriKind.Relative),
            new { subject = await ProviderUserIdAsync("responsible.rjz") })).EnsureSuccessStatusCode();
        using var browser = Browser();
        var callbackPath = new Uri(system.Identity.HttpAddress, "/account/external/cis2/callback").AbsoluteUri;

        var (at, _) = await ToProviderAndBackAsync(browser, "cis2", "responsible.rjz", stopAt: uri => uri.AbsoluteUri.StartsWith(callbackPath, StringComparison.Ordinal));
        var callback = at.Location;
        var query = HttpUtility.ParseQueryString(callback.Query);
        var state = query["state"]!;
        query["state"] = state[..(state.Length / 2)] + (state[state.Length / 2] == 'A' ? 'B' : 'A') + state[(state.Length / 2 + 1)..];
        using var tampered = await browser.GetAsync(new UriBuilder(callback) { Query = query.ToString() }.Uri);

        Assert.Equal(HttpStatusCode.BadRequest, tampered.StatusCode);
        Assert.Equal($"Signing in with {FederatedIdentity.StaffButton} did not complete. Please try again.", await SignInPage.ErrorAsync(tampered));
        Assert.Null(tampered.Headers.Location);
        await AssertNotSignedInAsync(browser);
    }

    [Fact]
    public async Task LinkingAnAccount_NeedsASubject_AStaffProvider_AndASubjectNoOneElseHas()
    {
        var first = await LocalUserAsync("investigator.rjz");
        var second = await LocalUserAsync("handler.rjz");
        using var admin = await AdminAsync();
        var subject = "cis2-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8));

        using var blank = await admin.PutAsJsonAsync(new Uri($"/api/v1/identity/users/{first.Id}/external-logins/cis2", UriKind.Relative), new { subject = " " });
        using var publicProvider = await admin.PutAsJsonAsync(new Uri($"/api/v1/identity/users/{first.Id}/external-logins/NhsLogin", UriKind.Relative), new { subject });
        using var unknownProvider = await admin.PutAsJsonAsync(new Uri($"/api/v1/identity/users/{first.Id}/external-logins/Entra", UriKind.Relative), new { subject });
        using var linked = await admin.PutAsJsonAsync(new Uri($"/api/v1/identity/users/{first.Id}/external-logins/cis2", UriKind.Relative), new { subject });
        using var taken = await admin.PutAsJsonAsync(new Uri($"/api/v1/identity/users/{second.Id}/external-logins/cis2", UriKind.Relative), new { subject });
        using var unlinked = await admin.DeleteAsync(new Uri($"/api/v1/identity/users/{first.Id}/external-logins/cis2", UriKind.Relative));
        using var again = await admin.DeleteAsync(new Uri($"/api/v1/identity/users/{first.Id}/external-logins/cis2", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.True((await blank.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("subject", out _));
        Assert.Equal(HttpStatusCode.NotFound, publicProvider.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownProvider.StatusCode);
        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        var link = Assert.Single((await linked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("externalLogins").EnumerateArray());
        Assert.Equal(("cis2", subject, "Administrator"), (link.GetProperty("provider").GetString(), link.GetProperty("subject").GetString(), link.GetProperty("method").GetString()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, taken.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, unlinked.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task AProviderConfiguredWithoutItsAudienceOrCredentials_StopsTheServiceFromStarting_NamingTheSettings()
    {
        using var host = IdentityWith(new()
        {
            ["Identity:ExternalProviders:Cis2:DisplayName"] = FederatedIdentity.StaffButton,
            ["Identity:ExternalProviders:Cis2:Authority"] = system.ProviderAddress.ToString(),
            ["Identity:ExternalProviders:Cis2:ClientId"] = "ics-federation-staff",
        });

        var (exitCode, output) = await host.RunUntilExitAsync();

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Identity:ExternalProviders:Cis2:Audience is required", output, StringComparison.Ordinal);
        Assert.Contains("Identity:ExternalProviders:Cis2 needs exactly one of ClientSecret, PrivateKey or PrivateKeyFile", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProviderWithoutAnAuthority_IsOff_TheServiceStartsAndOffersNoButtonForIt()
    {
        await using var host = IdentityWith(new()
        {
            ["Identity:ExternalProviders:Cis2:DisplayName"] = FederatedIdentity.StaffButton,
            ["Identity:ExternalProviders:Cis2:Authority"] = "",
            ["Identity:ExternalProviders:Cis2:ClientId"] = "",
            ["Identity:ExternalProviders:Cis2:Audience"] = "Staff",
        }).Start();
        using var browser = Browser();

        var page = await browser.GetStringAsync(new Uri(host.HttpAddress, "/account/login"));

        Assert.Empty(ProviderButton().Matches(page));
        Assert.DoesNotContain("/account/external", page, StringComparison.Ordinal);
    }

    // An identity service over the federating one's database with these settings besides, not yet started.
    private ServiceHost<IdentityProgram> IdentityWith(Dictionary<string, string?> providers)
    {
        var settings = new Dictionary<string, string?>(providers)
        {
            ["ConnectionStrings:identitydb"] = system.Identity.Services.GetRequiredService<IConfiguration>().GetConnectionString("identitydb"),
            ["Identity:RequireHttps"] = "false",
            ["Authentication:RequireHttpsMetadata"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        var host = new ServiceHost<IdentityProgram>(settings);
        return host.With("Identity:Issuer", host.HttpAddress.ToString()).With("Authentication:Authority", host.HttpAddress.ToString());
    }

    // The portal's authorization request, the provider's button, the provider's sign-in page, and back: the identity
    // service's last answer (a redirect to the portal with a code, or a page) and the PKCE verifier for the code.
    private async Task<(HttpResponseMessage Answer, string Verifier)> SignInThroughProviderAsync(HttpClient browser, string provider, string userName)
    {
        var (answer, verifier) = await ToProviderAndBackAsync(browser, provider, userName, stopAt: uri => uri.AbsoluteUri.StartsWith(FederatedIdentity.PortalRedirect, StringComparison.Ordinal));
        return (answer.Response, verifier);
    }

    private async Task<(StoppedAt At, string Verifier)> ToProviderAndBackAsync(HttpClient browser, string provider, string userName, Func<Uri, bool> stopAt)
    {
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var authorize = new Uri(system.Identity.HttpAddress, "/connect/authorize?client_id=ics-web&response_type=code&scope=openid%20ics-api&state=portal-state" +
            $"&redirect_uri={Uri.EscapeDataString(FederatedIdentity.PortalRedirect)}&code_challenge={challenge}&code_challenge_method=S256");

        var signInPage = await FollowAsync(browser, await browser.GetAsync(authorize), stopAt);
        Assert.Equal(system.Identity.HttpPort, signInPage.Response.RequestMessage!.RequestUri!.Port);
        var providerPage = await FollowAsync(browser, await PostFormAsync(browser, signInPage.Response, "/account/external", new() { ["provider"] = provider }), stopAt);
        Assert.Equal(system.ProviderAddress.Authority, providerPage.Response.RequestMessage!.RequestUri!.Authority);
        var back = await FollowAsync(browser, await PostFormAsync(browser, providerPage.Response, "/account/login", new()
        {
            ["userName"] = userName, ["password"] = system.DemoPassword,
        }), stopAt);
        return (back, verifier);
    }

    private sealed record StoppedAt(HttpResponseMessage Response, Uri Location);

    // Follows redirects as a browser does, across both services, until a page is shown or the next address is one
    // the test wants to look at itself.
    private static async Task<StoppedAt> FollowAsync(HttpClient browser, HttpResponseMessage response, Func<Uri, bool> stopAt)
    {
        for (var hops = 0; hops < 10; hops++)
        {
            if (response.Headers.Location is null)
            {
                return new(response, response.RequestMessage!.RequestUri!);
            }
            var next = new Uri(response.RequestMessage!.RequestUri!, response.Headers.Location);
            if (stopAt(next))
            {
                return new(response, next);
            }
            response.Dispose();
            response = await browser.GetAsync(next);
        }
        throw new InvalidOperationException("Too many redirects.");
    }

    // Posts a sign-in page's form, with its anti-forgery field and return address, to the same service.
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, HttpResponseMessage page, string action, Dictionary<string, string> fields)
    {
        var html = await page.Content.ReadAsStringAsync();
        var antiforgery = AntiforgeryField().Match(html);
        Assert.True(antiforgery.Success, html);
        fields[antiforgery.Groups["name"].Value] = WebUtility.HtmlDecode(antiforgery.Groups["value"].Value);
        fields["returnUrl"] = WebUtility.HtmlDecode(ReturnUrlField().Match(html).Groups["value"].Value);
        return await browser.PostAsync(new Uri(page.RequestMessage!.RequestUri!, action), new FormUrlEncodedContent(fields));
    }

    private static async Task<JsonWebToken> ExchangeAsync(HttpClient browser, HttpResponseMessage answer, string verifier)
    {
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        var callback = HttpUtility.ParseQueryString(answer.Headers.Location!.Query);
        Assert.Equal("portal-state", callback["state"]);
        using var exchange = await browser.PostAsync(new Uri(answer.RequestMessage!.RequestUri!, "/connect/token"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = "ics-web", ["code"] = callback["code"]!,
            ["redirect_uri"] = FederatedIdentity.PortalRedirect, ["code_verifier"] = verifier,
        }));
        var body = await exchange.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(exchange.IsSuccessStatusCode, body.ToString());
        return new JsonWebToken(body.GetProperty("access_token").GetString());
    }

    // Without a sign-in cookie, the authorization endpoint sends the browser to the sign-in page.
    private async Task AssertNotSignedInAsync(HttpClient browser)
    {
        using var authorize = await browser.GetAsync(new Uri(system.Identity.HttpAddress,
            $"/connect/authorize?client_id=ics-web&response_type=code&scope=openid&redirect_uri={Uri.EscapeDataString(FederatedIdentity.PortalRedirect)}" +
            "&code_challenge=" + Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes("verifier-verifier-verifier-verifier-verifier"))) + "&code_challenge_method=S256"));
        Assert.Equal(HttpStatusCode.Redirect, authorize.StatusCode);
        Assert.StartsWith("/account/login", authorize.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private async Task<string> ProviderUserIdAsync(string userName)
    {
        using var admin = HttpClients.WithToken(system.Provider.CreateHttpClient(), await system.ProviderTokenAsync("admin"));
        var users = await admin.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/identity/users", UriKind.Relative));
        return users.EnumerateArray().Single(u => u.GetProperty("userName").GetString() == userName).GetProperty("id").GetString()!;
    }

    private async Task<(Guid Id, JsonElement User)> LocalUserAsync(string userName)
    {
        var user = (await LocalUsersAsync()).Single(u => u.GetProperty("userName").GetString() == userName);
        return (user.GetProperty("id").GetGuid(), user);
    }

    private async Task<List<JsonElement>> LocalUsersAsync()
    {
        using var admin = await AdminAsync();
        return [.. (await admin.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/identity/users", UriKind.Relative))).EnumerateArray()];
    }

    private async Task<HttpClient> AdminAsync() => HttpClients.WithToken(system.Identity.CreateHttpClient(), await system.TokenAsync("admin"));

    private static HttpClient Browser() => new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false });

    [GeneratedRegex("""<input type="hidden" name="(?<name>__RequestVerificationToken)" value="(?<value>[^"]+)">""")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("""<input type="hidden" name="returnUrl" value="(?<value>[^"]*)">""")]
    private static partial Regex ReturnUrlField();

    [GeneratedRegex("""<button type="submit" name="provider" value="(?<id>[^"]+)">(?<text>[^<]+)</button>""")]
    private static partial Regex ProviderButton();
}
