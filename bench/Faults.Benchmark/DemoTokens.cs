using System.Net.Http.Headers;
using System.Text.Json;

namespace IcsComplaints.Bench.Faults;

/// <summary>
/// Access tokens of the demo handlers by the password grant, as <c>./ics token</c> gets them, each kept until five
/// minutes before it expires (the integrators' guide: a token per half hour, not per request). A token that cannot
/// be renewed while the gateway or identity is down is used for as long as it lasts.
/// </summary>
public sealed class DemoTokens(HttpClient gateway, string password) : IDisposable
{
    private readonly Dictionary<string, (string Token, DateTimeOffset RenewAfter, DateTimeOffset Expires)> _tokens = [];
    private readonly SemaphoreSlim _lock = new(1, 1);

    public async Task<AuthenticationHeaderValue> ForAsync(string user, CancellationToken ct)
    {
        await _lock.WaitAsync(ct);
        try
        {
            var now = DateTimeOffset.UtcNow;
            if (_tokens.TryGetValue(user, out var held) && now < held.RenewAfter)
            {
                return new AuthenticationHeaderValue("Bearer", held.Token);
            }
            try
            {
                var (token, lifetime) = await SignInAsync(user, ct);
                _tokens[user] = (token, now + lifetime - TimeSpan.FromMinutes(5), now + lifetime);
                return new AuthenticationHeaderValue("Bearer", token);
            }
            catch (HttpRequestException) when (_tokens.TryGetValue(user, out held) && now < held.Expires)
            {
                return new AuthenticationHeaderValue("Bearer", held.Token);
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose() => _lock.Dispose();

    /// <summary>A 401 means the token is no good any more: the next request signs in again.</summary>
    public void Forget(string user)
    {
        _lock.Wait();
        _tokens.Remove(user);
        _lock.Release();
    }

    private async Task<(string Token, TimeSpan Lifetime)> SignInAsync(string user, CancellationToken ct)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
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
