using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IcsComplaints.ServiceDefaults;

/// <summary>
/// A service's own client at the identity service (ADR 36, ADR 44), under <c>&lt;Service&gt;:ServiceIdentity</c>:
/// the correspondence service's and the learning service's, each with its own client id and secret.
/// </summary>
public sealed class ServiceIdentityOptions
{
    /// <summary>The configuration section it was read from, named in errors.</summary>
    public string SectionName { get; set; } = "";

    /// <summary>The client id the identity service registered for this service.</summary>
    public string ClientId { get; set; } = "";

    /// <summary>Its secret, given by the deployment (never committed); unset, the service calls no other under its identity.</summary>
    public string ClientSecret { get; set; } = "";

    /// <summary>
    /// The token endpoint, when not <c>connect/token</c> under <c>Authentication:MetadataAddress</c>'s host (an
    /// in-cluster address) or under <c>Authentication:Authority</c>.
    /// </summary>
    public string? TokenEndpoint { get; set; }

    /// <summary>How long before a token expires a fresh one is asked for, so no call carries one about to lapse.</summary>
    public TimeSpan RefreshBefore { get; set; } = TimeSpan.FromMinutes(2);
}

/// <summary>The service has no identity of its own configured, so it cannot call another service under it.</summary>
/// <param name="sectionName">The section whose <c>ClientSecret</c> is missing.</param>
public sealed class ServiceIdentityMissingException(string sectionName)
    : InvalidOperationException($"{sectionName}:ClientSecret is not set: the service cannot read what it needs from another service under its own identity.");

/// <summary>
/// A service's access token (client credentials), kept until shortly before it expires and then asked for again, so
/// each call does not cost a round trip to the identity service. One per process, registered by
/// <see cref="ServiceIdentityExtensions.AddServiceIdentity"/>.
/// </summary>
public sealed class ServiceTokenSource(HttpClient http, IOptions<ServiceIdentityOptions> options, IConfiguration configuration, TimeProvider clock)
    : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private DateTimeOffset _refreshAt;

    /// <summary>The gRPC headers that present the service's token, for a call to another service.</summary>
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
                throw new ServiceIdentityMissingException(settings.SectionName);
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

/// <summary>Registers a service's own identity at the identity service.</summary>
public static class ServiceIdentityExtensions
{
    /// <summary>
    /// The options bound from <paramref name="sectionName"/> (client id <paramref name="clientId"/> unless set there)
    /// and one <see cref="ServiceTokenSource"/> per process, so that the token it keeps serves every call.
    /// </summary>
    public static IServiceCollection AddServiceIdentity(this IServiceCollection services, string sectionName, string clientId)
    {
        services.AddOptions<ServiceIdentityOptions>()
            .Configure(o => (o.SectionName, o.ClientId) = (sectionName, clientId))
            .BindConfiguration(sectionName);
        services.AddHttpClient(nameof(ServiceTokenSource));
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<ServiceTokenSource>(sp,
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(ServiceTokenSource))));
        return services;
    }
}
