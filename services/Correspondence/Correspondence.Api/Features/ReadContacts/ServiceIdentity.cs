using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace IcsComplaints.Correspondence.Api.Features.ReadContacts;

/// <summary>The service's own client at the identity service (<c>Correspondence:ServiceIdentity</c>, ADR 36).</summary>
public sealed class ServiceIdentityOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Correspondence:ServiceIdentity";

    /// <summary>The client id the identity service registered for this service.</summary>
    public string ClientId { get; set; } = "correspondence";

    /// <summary>Its secret, given by the deployment (never committed); unset, no complainant can be written to.</summary>
    public string ClientSecret { get; set; } = "";

    /// <summary>
    /// The token endpoint, when not <c>connect/token</c> under <c>Authentication:MetadataAddress</c>'s host (an
    /// in-cluster address) or under <c>Authentication:Authority</c>.
    /// </summary>
    public string? TokenEndpoint { get; set; }

    /// <summary>How long before a token expires a fresh one is asked for, so no call carries one about to lapse.</summary>
    public TimeSpan RefreshBefore { get; set; } = TimeSpan.FromMinutes(2);
}

/// <summary>The service has no identity of its own configured, so it cannot read a complainant's address.</summary>
public sealed class ServiceIdentityMissingException()
    : InvalidOperationException("Correspondence:ServiceIdentity:ClientSecret is not set: the service cannot read the complainant's contact details.");

/// <summary>
/// The correspondence service's access token (client credentials), kept until shortly before it expires and then
/// asked for again, so each send does not cost a round trip to the identity service. One per process.
/// </summary>
public sealed class ServiceTokenSource(HttpClient http, IOptions<ServiceIdentityOptions> options, IConfiguration configuration, TimeProvider clock)
    : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private DateTimeOffset _refreshAt;

    /// <summary>The gRPC headers that present the service's token, for a call to case or intake.</summary>
    public async Task<global::Grpc.Core.Metadata> HeadersAsync(CancellationToken ct) => new() { { "authorization", "Bearer " + await TokenAsync(ct) } };

    /// <summary>A token valid for a while yet.</summary>
    public async Task<string> TokenAsync(CancellationToken ct)
    {
        if (_token is { } fresh && clock.GetUtcNow() < _refreshAt)
        {
            return fresh;
        }
        await _gate.WaitAsync(ct);
        try
        {
            if (_token is { } other && clock.GetUtcNow() < _refreshAt)
            {
                return other;
            }
            var settings = options.Value;
            if (string.IsNullOrEmpty(settings.ClientSecret))
            {
                throw new ServiceIdentityMissingException();
            }
            using var request = new HttpRequestMessage(HttpMethod.Post, TokenEndpoint(settings))
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["grant_type"] = "client_credentials", ["client_id"] = settings.ClientId, ["client_secret"] = settings.ClientSecret, ["scope"] = "ics-api",
                }),
            };
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            var asked = clock.GetUtcNow();
            using var response = await http.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"The identity service refused the service's token ({(int)response.StatusCode}).", null, response.StatusCode);
            }
            using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
            var token = body.RootElement.GetProperty("access_token").GetString()
                ?? throw new HttpRequestException("The identity service sent no access token.");
            var lifetime = TimeSpan.FromSeconds(body.RootElement.TryGetProperty("expires_in", out var expires) ? expires.GetInt32() : 300);
            // Half the lifetime at most, so a short-lived token is still renewed well before it lapses.
            var margin = TimeSpan.FromTicks(Math.Max(settings.RefreshBefore.Ticks, lifetime.Ticks / 2));
            _refreshAt = asked + lifetime - margin;
            return _token = token;
        }
        finally
        {
            _gate.Release();
        }
    }

    private Uri TokenEndpoint(ServiceIdentityOptions settings)
    {
        if (!string.IsNullOrWhiteSpace(settings.TokenEndpoint))
        {
            return new Uri(settings.TokenEndpoint);
        }
        var metadata = configuration["Authentication:MetadataAddress"];
        var authority = !string.IsNullOrWhiteSpace(metadata)
            ? new Uri(new Uri(metadata), "/")
            : new Uri(configuration["Authentication:Authority"] ?? throw new InvalidOperationException("Authentication:Authority is not set."));
        return new Uri(authority.ToString().TrimEnd('/') + "/connect/token");
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();
}
