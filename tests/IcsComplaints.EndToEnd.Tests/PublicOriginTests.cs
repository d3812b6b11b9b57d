extern alias gateway;
extern alias identity;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IcsComplaints.TestKit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using GatewayProgram = gateway::Program;
using IdentityProgram = identity::Program;

namespace IcsComplaints.EndToEnd.Tests;

/// <summary>
/// Identity deployed as it is in production: behind the gateway, its issuer the gateway's public address (as
/// <c>./ics</c>, compose and the chart configure it). Every address a client is given, in the discovery document or in
/// a redirect, is on that public origin, whether it asked the gateway or reached the identity service directly; the
/// identity service's own host and port never appear.
/// </summary>
public sealed class PublicOriginTests(IcsSystem system)
{
    private const string Redirect = "http://127.0.0.1/signin-callback";

    [Fact]
    public async Task Discovery_NamesOnlyThePublicOrigin_ThroughTheGatewayAndDirectly()
    {
        await using var deployment = PublicDeployment.Start(system);

        foreach (var (asked, origin) in new[] { ("gateway", deployment.Gateway.HttpAddress), ("identity directly", deployment.Identity.HttpAddress) })
        {
            using var http = new HttpClient { BaseAddress = origin };
            var text = await http.GetStringAsync(new Uri("/.well-known/openid-configuration", UriKind.Relative));
            var discovery = JsonDocument.Parse(text).RootElement;
            var addresses = discovery.EnumerateObject()
                .Where(p => p.Value.ValueKind == JsonValueKind.String && Uri.IsWellFormedUriString(p.Value.GetString(), UriKind.Absolute))
                .ToDictionary(p => p.Name, p => p.Value.GetString()!);

            Assert.Equal(deployment.PublicOrigin, discovery.GetProperty("issuer").GetString());
            Assert.Superset(new HashSet<string> { "issuer", "authorization_endpoint", "token_endpoint", "jwks_uri", "end_session_endpoint" }, addresses.Keys.ToHashSet());
            Assert.All(addresses, a => Assert.True(a.Value.StartsWith(deployment.PublicOrigin, StringComparison.Ordinal), $"{asked}: {a.Key} is {a.Value}"));
            Assert.DoesNotContain(deployment.IdentityAuthority, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AWebClient_SignsInThroughTheDiscoveredAddresses_AndIsNeverSentToTheIdentityServiceItself()
    {
        await using var deployment = PublicDeployment.Start(system);
        using var browser = SignInPage.Browser(deployment.Gateway.HttpAddress);
        var discovery = await browser.GetFromJsonAsync<JsonElement>(new Uri("/.well-known/openid-configuration", UriKind.Relative));
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var authorize = discovery.GetProperty("authorization_endpoint").GetString() +
            $"?client_id=ics-web&response_type=code&scope=openid%20ics-api&state=s1&redirect_uri={Uri.EscapeDataString(Redirect)}" +
            $"&code_challenge={challenge}&code_challenge_method=S256";

        using var toSignIn = await browser.GetAsync(new Uri(authorize));
        var signInPage = Resolve(deployment, toSignIn);
        var returnUrl = System.Web.HttpUtility.ParseQueryString(signInPage.Query)["ReturnUrl"]!;
        using var signedIn = await SignInPage.SignInAsync(browser, "quality.rj1", system.DemoPassword, returnUrl);
        using var backToAuthorize = await browser.GetAsync(Resolve(deployment, signedIn));
        var callback = backToAuthorize.Headers.Location!;
        var code = System.Web.HttpUtility.ParseQueryString(callback.Query)["code"]!;
        using var exchange = await browser.PostAsync(new Uri(discovery.GetProperty("token_endpoint").GetString()!), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = "ics-web", ["code"] = code, ["redirect_uri"] = Redirect, ["code_verifier"] = verifier,
        }));
        var keys = await browser.GetStringAsync(new Uri(discovery.GetProperty("jwks_uri").GetString()!));

        Assert.Equal(HttpStatusCode.Redirect, toSignIn.StatusCode);
        Assert.Equal("/account/login", signInPage.AbsolutePath);
        Assert.StartsWith(Redirect, callback.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, exchange.StatusCode);
        var token = new JsonWebToken((await exchange.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!);
        Assert.Equal(deployment.PublicOrigin, token.Issuer);
        Assert.Contains(token.Kid, keys, StringComparison.Ordinal);
    }

    // Every redirect stays on the public origin: relative, or absolute on the gateway; never the identity service's port.
    private static Uri Resolve(PublicDeployment deployment, HttpResponseMessage redirect)
    {
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        var location = redirect.Headers.Location!;
        Assert.DoesNotContain(deployment.IdentityAuthority, location.ToString(), StringComparison.Ordinal);
        var absolute = location.IsAbsoluteUri ? location : new Uri(deployment.Gateway.HttpAddress, location);
        Assert.StartsWith(deployment.PublicOrigin, absolute.ToString(), StringComparison.Ordinal);
        return absolute;
    }

    /// <summary>An identity service whose issuer is a gateway in front of it, sharing the system's identity database.</summary>
    private sealed class PublicDeployment : IAsyncDisposable
    {
        private PublicDeployment(ServiceHost<IdentityProgram> identity, ServiceHost<GatewayProgram> gateway)
        {
            Identity = identity;
            Gateway = gateway;
        }

        public ServiceHost<IdentityProgram> Identity { get; }

        public ServiceHost<GatewayProgram> Gateway { get; }

        public string PublicOrigin => Gateway.HttpAddress.ToString();

        /// <summary>The identity service's own host and port, which no client should ever be given.</summary>
        public string IdentityAuthority => Identity.HttpAddress.Authority;

        public static PublicDeployment Start(IcsSystem system)
        {
            var quiet = new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Warning",
                ["Authentication:RequireHttpsMetadata"] = "false",
            };
            var gateway = new ServiceHost<GatewayProgram>(new Dictionary<string, string?>(quiet)
            {
                ["RateLimits:SignIn:PermitLimit"] = "100000",
            });
            var publicOrigin = gateway.HttpAddress.ToString();
            var identity = new ServiceHost<IdentityProgram>(new Dictionary<string, string?>(quiet)
            {
                ["ConnectionStrings:identitydb"] = system.Identity.Services.GetRequiredService<IConfiguration>().GetConnectionString("identitydb"),
                ["Identity:Issuer"] = publicOrigin,
                ["Authentication:Authority"] = publicOrigin,
                ["Identity:RequireHttps"] = "false",
                ["Identity:EnablePasswordGrant"] = "true",
                ["Identity:SigningKey"] = system.SigningKey.ExportPkcs8PrivateKeyPem(),
                ["Identity:EncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
                ["Identity:WebRedirectUris:0"] = Redirect,
            }).Start();
            gateway.With("Authentication:Authority", publicOrigin)
                .With("ReverseProxy:Clusters:identity-http:Destinations:identity:Address", identity.HttpAddress.ToString())
                .Start();
            return new PublicDeployment(identity, gateway);
        }

        public async ValueTask DisposeAsync()
        {
            await Gateway.DisposeAsync();
            await Identity.DisposeAsync();
        }
    }
}
