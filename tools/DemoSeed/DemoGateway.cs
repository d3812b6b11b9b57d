using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IcsComplaints.DemoSeed;

/// <summary>An answer of the gateway: its status, body and whether intake replayed an earlier result.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Body">The body as text.</param>
/// <param name="Replayed">True when the answer repeats the result of an earlier request with the same Idempotency-Key.</param>
public sealed record GatewayAnswer(HttpStatusCode Status, string Body, bool Replayed)
{
    /// <summary>A string member of the JSON body, or <c>null</c>.</summary>
    public string? Field(string name) => DemoGateway.Field(Body, name);
}

/// <summary>
/// The gateway as the demo users see it: each signs in once with the password grant (the development profile's
/// <c>ics-cli</c> client) and calls the public API with their token.
/// </summary>
public sealed class DemoGateway(HttpClient http, string password, TextWriter log)
{
    /// <summary>The public client that may use the password grant in the development profile.</summary>
    public const string Client = "ics-cli";

    private readonly Dictionary<string, string?> _tokens = new(StringComparer.Ordinal);

    /// <summary>Where progress and warnings go.</summary>
    public TextWriter Log => log;

    /// <summary>The user's token, signing them in on first use; <c>null</c> (with a warning, once) when they cannot sign in.</summary>
    public async Task<string?> TokenAsync(string user, CancellationToken ct)
    {
        if (!_tokens.TryGetValue(user, out var token))
        {
            _tokens[user] = token = await SignInAsync(user, ct);
        }
        return token;
    }

    /// <summary>Sends a request as the user with <paramref name="token"/>; <c>null</c> (with a warning) when the gateway did not answer.</summary>
    public async Task<GatewayAnswer?> SendAsync(HttpMethod method, string path, string token, JsonObject? body, string? idempotencyKey, string what, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
            if (body is not null)
            {
                request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
            }
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            if (idempotencyKey is not null)
            {
                request.Headers.Add("Idempotency-Key", idempotencyKey);
            }
            try
            {
                using var response = await http.SendAsync(request, ct);
                // A demo handler makes a year's steps in minutes, past the gateway's limit per user: the limit is
                // waited out as it asks, and what was refused is sent again (a step never went, so it is not made twice).
                if (response.StatusCode == HttpStatusCode.TooManyRequests && attempt < MostAttempts)
                {
                    var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(60);
                    await log.WriteLineAsync($"{what}: the gateway's limit per user is reached; waiting {wait.TotalSeconds:0} s");
                    await Task.Delay(wait, ct);
                    continue;
                }
                var text = await response.Content.ReadAsStringAsync(ct);
                var replayed = response.Headers.TryGetValues("Idempotent-Replayed", out var values) && values.Contains("true");
                return new GatewayAnswer(response.StatusCode, text, replayed);
            }
            catch (HttpRequestException ex)
            {
                await log.WriteLineAsync($"warning: {what} was not sent: {ex.Message}");
                return null;
            }
        }
    }

    /// <summary>How often a request refused for the gateway's rate limit (429) is sent in all.</summary>
    public const int MostAttempts = 5;

    /// <summary>A string member of a JSON object, or <c>null</c>.</summary>
    public static string? Field(string json, string name)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(name, out var value)
                && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>At most 300 characters of a body, for a warning.</summary>
    public static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "…";

    private async Task<string?> SignInAsync(string user, CancellationToken ct)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = Client,
            ["scope"] = "ics-api",
            ["username"] = user,
            ["password"] = password,
        });
        try
        {
            using var response = await http.PostAsync(new Uri("connect/token", UriKind.Relative), form, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            if (response.IsSuccessStatusCode && Field(body, "access_token") is { } token)
            {
                return token;
            }
            await log.WriteLineAsync($"warning: no token for the demo user {user}: {(int)response.StatusCode} {Truncate(body)}");
        }
        catch (HttpRequestException ex)
        {
            await log.WriteLineAsync($"warning: no token for the demo user {user}: {ex.Message}");
        }
        return null;
    }
}
