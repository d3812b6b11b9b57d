using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;

namespace IcsComplaints.TestKit;

/// <summary>
/// The identity service as tests run it: its settings (demo users and clients with a password and secret made for
/// this run, a signing key tests can forge with) and access tokens for its demo users and clients, asked of its real
/// token endpoint and kept for the run.
/// </summary>
public sealed class DemoIdentity : IDisposable
{
    private readonly ConcurrentDictionary<string, string> _tokens = new();
    private Func<HttpClient>? _tokenEndpointClient;

    public string DemoPassword { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));

    public string DemoClientSecret { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));

    /// <summary>The correspondence service's own client secret for this run (ADR 36).</summary>
    public string CorrespondenceClientSecret { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));

    /// <summary>The learning service's own client secret for this run (ADR 44).</summary>
    public string LearningClientSecret { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));

    /// <summary>The identity service's signing key, so token tests can forge tokens that differ in one respect only.</summary>
    public RSA SigningKey { get; } = RSA.Create(2048);

    /// <summary>The identity service's settings over its database, with the demo users seeded.</summary>
    public Dictionary<string, string?> Settings(TestServiceDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return new()
        {
            ["ConnectionStrings:identitydb"] = database.ConnectionString,
            ["ConnectionStrings:identitydbOwner"] = database.OwnerConnectionString,
            ["Identity:RequireHttps"] = "false",
            ["Identity:EnablePasswordGrant"] = "true",
            ["Identity:SigningKey"] = SigningKey.ExportPkcs8PrivateKeyPem(),
            ["Identity:EncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Identity:SeedDemoData"] = "true",
            ["Identity:DemoPassword"] = DemoPassword,
            ["Identity:DemoClientSecret"] = DemoClientSecret,
            ["Identity:CorrespondenceClientSecret"] = CorrespondenceClientSecret,
            ["Identity:LearningClientSecret"] = LearningClientSecret,
            ["Identity:WebRedirectUris:0"] = "http://127.0.0.1/signin-callback",
            ["Authentication:RequireHttpsMetadata"] = "false",
        };
    }

    /// <summary>Where tokens are asked for, once the identity service runs.</summary>
    public void IssueFrom(Func<HttpClient> tokenEndpointClient) => _tokenEndpointClient = tokenEndpointClient;

    /// <summary>An access token for a demo user (password grant), optionally for one of their organisations.</summary>
    public async Task<string> TokenAsync(string userName, string? organisation = null)
    {
        var key = userName + "|" + organisation;
        if (_tokens.TryGetValue(key, out var cached))
        {
            return cached;
        }
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["client_id"] = "ics-cli", ["scope"] = "ics-api", ["username"] = userName, ["password"] = DemoPassword,
        };
        if (organisation is not null)
        {
            form["org"] = organisation;
        }
        return _tokens[key] = await RequestTokenAsync(form);
    }

    /// <summary>An access token for a demo integration client (client credentials).</summary>
    public async Task<string> ClientTokenAsync(string clientId) =>
        _tokens.TryGetValue("client|" + clientId, out var cached) ? cached : _tokens["client|" + clientId] = await RequestTokenAsync(new()
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = DemoClientSecret, ["scope"] = "ics-api",
        });

    /// <summary>An access token for the correspondence service's own client (client credentials).</summary>
    public async Task<string> CorrespondenceTokenAsync() =>
        _tokens.TryGetValue("service|correspondence", out var cached) ? cached : _tokens["service|correspondence"] = await RequestTokenAsync(new()
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "correspondence", ["client_secret"] = CorrespondenceClientSecret, ["scope"] = "ics-api",
        });

    /// <summary>An access token for the learning service's own client (client credentials).</summary>
    public async Task<string> LearningTokenAsync() =>
        _tokens.TryGetValue("service|learning", out var cached) ? cached : _tokens["service|learning"] = await RequestTokenAsync(new()
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "learning", ["client_secret"] = LearningClientSecret, ["scope"] = "ics-api",
        });

    private async Task<string> RequestTokenAsync(Dictionary<string, string> form)
    {
        var client = _tokenEndpointClient ?? throw new InvalidOperationException("The identity service is not running yet.");
        using var http = client();
        using var response = await http.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(form));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return response.IsSuccessStatusCode
            ? body.GetProperty("access_token").GetString()!
            : throw new InvalidOperationException($"Token request failed: {(int)response.StatusCode} {body}");
    }

    public void Dispose() => SigningKey.Dispose();
}
