using System.Net.Http.Headers;
using System.Text.Json;

namespace IcsComplaints.Bench.Common;

/// <summary>
/// Access tokens of the demo's users and integration clients, asked of the identity service through the gateway as an
/// integrating system would (docs/integrators.md): the password grant (development only, as <c>./ics token</c>
/// gets them) for people, client credentials for the integration clients named in <paramref name="clients"/>. Each
/// is kept until five minutes before it expires (the integrators' guide: a token per half hour, not per request); a
/// token that cannot be renewed while the gateway or identity is down is used for as long as it lasts.
/// </summary>
/// <param name="gateway">A client whose base address is the gateway.</param>
/// <param name="password">The demo users' password.</param>
/// <param name="clientSecret">The demo integration clients' secret, or null when none is used.</param>
/// <param name="clients">The names that are integration clients rather than users.</param>
public sealed class DemoTokens(HttpClient gateway, string password, string? clientSecret = null, IReadOnlyCollection<string>? clients = null) : IDisposable
{
    private readonly Dictionary<string, (AuthenticationHeaderValue Header, DateTimeOffset RenewAfter, DateTimeOffset Expires)> _tokens = [];
    private readonly SemaphoreSlim _lock = new(1, 1);
    private HttpClient? _owned;

    /// <summary>
    /// Tokens asked of the gateway at <paramref name="gateway"/> through a client of their own, signed in at once for
    /// each of <paramref name="users"/> (clients named in <paramref name="clients"/>), so a wrong password or secret
    /// stops a benchmark before it starts rather than failing its requests.
    /// </summary>
    public static async Task<DemoTokens> SignInAsync(
        Uri gateway, string password, string? clientSecret, IReadOnlyCollection<string> clients, IEnumerable<string> users)
    {
        var http = new HttpClient { BaseAddress = gateway };
        var tokens = new DemoTokens(http, password, clientSecret, clients) { _owned = http };
        try
        {
            foreach (var user in users)
            {
                await tokens.ForAsync(user, CancellationToken.None);
            }
            return tokens;
        }
        catch
        {
            tokens.Dispose();
            throw;
        }
    }

    public async Task<AuthenticationHeaderValue> ForAsync(string user, CancellationToken ct)
    {
        await _lock.WaitAsync(ct);
        try
        {
            var now = DateTimeOffset.UtcNow;
            if (_tokens.TryGetValue(user, out var held) && now < held.RenewAfter)
            {
                return held.Header;
            }
            try
            {
                var (token, lifetime) = await SignInAsync(user, ct);
                var header = new AuthenticationHeaderValue("Bearer", token);
                _tokens[user] = (header, now + lifetime - TimeSpan.FromMinutes(5), now + lifetime);
                return header;
            }
            catch (HttpRequestException) when (_tokens.TryGetValue(user, out held) && now < held.Expires)
            {
                return held.Header;
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose()
    {
        _lock.Dispose();
        _owned?.Dispose();
    }

    /// <summary>A 401 means the token is no good any more: the next request signs in again.</summary>
    public void Forget(string user)
    {
        _lock.Wait();
        _tokens.Remove(user);
        _lock.Release();
    }

    private async Task<(string Token, TimeSpan Lifetime)> SignInAsync(string user, CancellationToken ct)
    {
        using var form = new FormUrlEncodedContent(clients?.Contains(user) == true
            ? new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = user,
                ["client_secret"] = clientSecret ?? throw new InvalidOperationException($"{user} is a client, and no client secret was given."),
                ["scope"] = "ics-api",
            }
            : new Dictionary<string, string>
            {
                ["grant_type"] = "password",
                ["client_id"] = "ics-cli",
                ["scope"] = "ics-api",
                ["username"] = user,
                ["password"] = password,
            });
        using var response = await gateway.PostAsync(new Uri("connect/token", UriKind.Relative), form, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"No token for {user}: {(int)response.StatusCode}.", null, response.StatusCode);
        }
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        var token = body.RootElement.GetProperty("access_token").GetString()!;
        var seconds = body.RootElement.TryGetProperty("expires_in", out var expires) ? expires.GetInt32() : 1800;
        return (token, TimeSpan.FromSeconds(seconds));
    }
}
