using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Grpc.Core;
using IcsComplaints.Intake.Contracts.Grpc.V1;
using IcsComplaints.ServiceDefaults;
using IcsComplaints.TestKit;

namespace IcsComplaints.EndToEnd.Tests;

/// <summary>
/// What an outsider sees of the platform's armour: no server banner, one of each security header, a strict
/// Content-Security-Policy on every HTML page, HSTS where TLS ends in front of the gateway, rate limits on every
/// route by subject and on the public ones by the real client address, and gRPC statuses for gRPC callers.
/// </summary>
public sealed partial class HardeningTests(IcsSystem system)
{
    [Fact]
    public async Task NoResponse_NamesTheServer_AndEachSecurityHeaderComesOnce_ThroughTheGatewayAndFromEachService()
    {
        using var gateway = system.Gateway.CreateHttpClient();
        // The sign-in page is proxied from the identity service, which also protects its form against forgery.
        foreach (var path in new[] { "/account/login", "/api/v1/organisations/QKK", "/api/v1/cases" })
        {
            using var response = await gateway.GetAsync(new Uri(path, UriKind.Relative));
            AssertHardened(response, "gateway " + path);
        }
        foreach (var (name, _, address) in system.ServiceHosts())
        {
            using var http = new HttpClient { BaseAddress = address };
            using var response = await http.GetAsync(new Uri("/health/live", UriKind.Relative));
            AssertHardened(response, name);
        }
    }

    [Fact]
    public async Task EveryHtmlPage_HasAStrictContentSecurityPolicy_AndALetterAllowsOnlyItsOwnStylesheet()
    {
        using var gateway = system.Gateway.CreateHttpClient();
        using (var signIn = await gateway.GetAsync(new Uri("/account/login", UriKind.Relative)))
        {
            var policy = Assert.Single(signIn.Headers.GetValues("Content-Security-Policy"));
            Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
            Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        }

        using var handler = system.GatewayHttp(await system.TokenAsync("handler.rj1"));
        var submitted = await ApiCalls.PostAsync(handler, "/api/v1/complaints", new
        {
            organisationCode = "RJ1", channel = "Letter",
            complainant = new { name = "Ada Lovelace", address = new { line1 = "1 Demo Street", town = "London", postcode = "SE1 7EH" } },
            description = "The clinic cancelled twice.",
        }, HttpStatusCode.Created);
        var reference = submitted.GetProperty("reference").GetString();
        Guid caseId = default;
        await TestKit.Eventually.TrueAsync(async () =>
        {
            var items = (await ApiCalls.GetAsync(handler, $"/api/v1/cases?reference={reference}")).GetProperty("items");
            caseId = items.GetArrayLength() == 1 ? items[0].GetProperty("caseId").GetGuid() : default;
            return caseId != default;
        }, TimeSpan.FromSeconds(30), "the case opens");
        foreach (var format in new[] { "html", "large-print" })
        {
            using var letter = await handler.GetAsync(new Uri($"/api/v1/cases/{caseId}/acknowledgement/letter?format={format}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, letter.StatusCode);
            var policy = Assert.Single(letter.Headers.GetValues("Content-Security-Policy"));
            Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
            // The only style allowed is the letter's own, by its hash.
            var style = StyleElement().Match(await letter.Content.ReadAsStringAsync()).Groups[1].Value;
            Assert.Contains($"style-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(style)))}'", policy, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Hsts_IsSent_WhereTlsEndsInFrontOfTheGateway_AndNotOverPlainHttp()
    {
        using var plain = await system.Gateway.CreateHttpClient().GetAsync(new Uri("/api/v1/organisations/QKK", UriKind.Relative));
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
        using var behindTls = await system.LimitedGateway.CreateHttpClient().GetAsync(new Uri("/api/v1/organisations/QKK", UriKind.Relative));
        Assert.Matches("^max-age=[0-9]{7,}; includeSubDomains$", Assert.Single(behindTls.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public async Task EverySignedInCaller_IsLimitedPerSubject_AcrossRoutesAndProtocols_WithoutLimitingOthers()
    {
        // The tight gateway allows 6 requests a minute per subject.
        var token = await system.TokenAsync("investigator.rjz");
        using var rest = HttpClients.WithToken(system.LimitedGateway.CreateHttpClient(), token);
        using var channel = Grpc.Net.Client.GrpcChannel.ForAddress(system.LimitedGateway.GrpcAddress);
        var grpc = new IntakeService.IntakeServiceClient(channel);
        var statuses = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await rest.GetAsync(new Uri("/api/v1/cases", UriKind.Relative));
            statuses.Add(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        for (var i = 0; i < 3; i++)
        {
            try
            {
                await grpc.SubmitComplaintAsync(new SubmitComplaintRequest(), GrpcCalls.Bearer(token));
                statuses.Add("OK");
            }
            catch (RpcException ex)
            {
                statuses.Add(ex.StatusCode.ToString());
            }
        }
        Assert.Equal(["200", "200", "200", "200", "PermissionDenied", "PermissionDenied", "ResourceExhausted"], statuses);
        using (var limited = await rest.GetAsync(new Uri("/api/v1/cases", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
            Assert.True(limited.Headers.RetryAfter is not null);
        }
        using var other = HttpClients.WithToken(system.LimitedGateway.CreateHttpClient(), await system.TokenAsync("quality.rjz"));
        using var otherResponse = await other.GetAsync(new Uri("/api/v1/cases", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, otherResponse.StatusCode);
    }

    [Fact]
    public async Task AnonymousLimits_KeyOnTheRealClientAddress_BehindATrustedProxy()
    {
        // The tight gateway trusts a proxy on loopback (the portal, say): its X-Forwarded-For names the person.
        using var http = system.LimitedGateway.CreateHttpClient();
        async Task<HttpStatusCode> SubmitAsync(string client)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/complaints") { Content = JsonContent.Create(new { }) };
            request.Headers.Add("X-Forwarded-For", client);
            using var response = await http.SendAsync(request);
            return response.StatusCode;
        }
        var first = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            first.Add(await SubmitAsync("203.0.113.7"));
        }
        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], first);
        Assert.Equal(HttpStatusCode.BadRequest, await SubmitAsync("203.0.113.8"));
    }

    [Fact]
    public async Task ASpoofedForwardedAddress_FromAPeerThatIsNotATrustedProxy_DoesNotChangeTheBucket()
    {
        // The tight gateway trusts 127.0.0.1 only; this caller connects from 127.0.0.2 and names a new client each time.
        using var http = new HttpClient(FromLocalAddress(IPAddress.Parse("127.0.0.2"))) { BaseAddress = system.LimitedGateway.HttpAddress };
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add(await SubmitAsync(http, $"203.0.113.{100 + i}"));
        }

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task BehindAChainOfTrustedProxies_TheClientIsFound_AndWhatTheClientWroteInTheHeaderIsIgnored()
    {
        // A browser's own X-Forwarded-For arrives with the address each trusted hop appended after it: the rightmost
        // address no trusted proxy vouches for is the client, whatever the browser put to its left.
        using var http = system.LimitedGateway.CreateHttpClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add(await SubmitAsync(http, $"192.0.2.{i + 1}, 203.0.113.60, 127.0.0.1"));
        }

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.BadRequest, await SubmitAsync(http, "203.0.113.61, 127.0.0.1"));
    }

    [Fact]
    public void ATrustedProxyThatIsNotAnAddress_IsRefused_NamingTheSetting()
    {
        var options = new Microsoft.AspNetCore.Builder.ForwardedHeadersOptions();

        var proxy = Assert.Throws<InvalidOperationException>(() => ClientAddresses.Configure(options, new ClientAddressSettings { TrustedProxies = ["portal"] }, "Gateway"));
        var network = Assert.Throws<InvalidOperationException>(() => ClientAddresses.Configure(options, new ClientAddressSettings { TrustedNetworks = ["10.0.0.0"] }, "Gateway"));

        Assert.Contains("Gateway:TrustedProxies", proxy.Message, StringComparison.Ordinal);
        Assert.Contains("Gateway:TrustedNetworks", network.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithNoTrustedProxyConfigured_AsByDefault_NoPeerChoosesItsAddress_NotEvenLoopback()
    {
        var options = new Microsoft.AspNetCore.Builder.ForwardedHeadersOptions();
        ClientAddresses.Configure(options, new ClientAddressSettings(), "Gateway");

        Assert.Empty(options.KnownProxies);
        Assert.Empty(options.KnownIPNetworks);
        foreach (var peer in new[] { "127.0.0.1", "198.51.100.20" })
        {
            Assert.Equal(peer, await ClientAddressSeenAsync(options, peer, "203.0.113.9"));
        }
    }

    [Fact]
    public async Task WithATrustedProxy_OnlyItsForwardedAddressIsBelieved()
    {
        var options = new Microsoft.AspNetCore.Builder.ForwardedHeadersOptions();
        ClientAddresses.Configure(options, new ClientAddressSettings { TrustedNetworks = ["10.1.0.0/16"] }, "Gateway");

        Assert.Equal("203.0.113.9", await ClientAddressSeenAsync(options, "10.1.2.3", "203.0.113.9"));
        Assert.Equal("10.2.2.3", await ClientAddressSeenAsync(options, "10.2.2.3", "203.0.113.9"));
    }

    [Fact]
    public async Task AGrpcCallWithoutAToken_GetsUnauthenticatedAsAGrpcStatus_NotAnHttp401ProblemDocument()
    {
        foreach (var address in new[] { system.Gateway.GrpcAddress, system.GrpcAddressOf("case") })
        {
            using var http = new HttpClient();
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(address, "/ics.case.v1.CaseService/ListCases"))
            {
                Content = new ByteArrayContent([0, 0, 0, 0, 0]),
                Version = HttpVersion.Version20,
                VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
            request.Headers.TryAddWithoutValidation("TE", "trailers");
            using var response = await http.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/grpc", response.Content.Headers.ContentType?.MediaType);
            var status = response.Headers.TryGetValues("grpc-status", out var inHeaders) ? inHeaders : response.TrailingHeaders.GetValues("grpc-status");
            Assert.Equal(((int)StatusCode.Unauthenticated).ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(status));
        }
    }

    private static async Task<string?> ClientAddressSeenAsync(Microsoft.AspNetCore.Builder.ForwardedHeadersOptions options, string peer, string forwardedFor)
    {
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(peer);
        context.Request.Headers["X-Forwarded-For"] = forwardedFor;
        var middleware = new Microsoft.AspNetCore.HttpOverrides.ForwardedHeadersMiddleware(
            _ => Task.CompletedTask, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance, Microsoft.Extensions.Options.Options.Create(options));
        await middleware.Invoke(context);
        return context.Connection.RemoteIpAddress?.ToString();
    }

    private static async Task<HttpStatusCode> SubmitAsync(HttpClient http, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/complaints") { Content = JsonContent.Create(new { }) };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    // Connects from another loopback address, as a caller the gateway was not told to trust.
    private static SocketsHttpHandler FromLocalAddress(IPAddress local) => new()
    {
        ConnectCallback = async (context, ct) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.Bind(new IPEndPoint(local, 0));
                await socket.ConnectAsync(context.DnsEndPoint, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    private static void AssertHardened(HttpResponseMessage response, string what)
    {
        Assert.False(response.Headers.Contains("Server"), $"{what}: Server {string.Join(",", response.Headers.TryGetValues("Server", out var s) ? s : [])}");
        foreach (var header in new[] { "X-Frame-Options", "X-Content-Type-Options", "Referrer-Policy", "Content-Security-Policy" })
        {
            Assert.True(response.Headers.TryGetValues(header, out var values) && values.Count() == 1, $"{what}: {header} is not sent exactly once");
        }
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [GeneratedRegex("<style>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleElement();
}
