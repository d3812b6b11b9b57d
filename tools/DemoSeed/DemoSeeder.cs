using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace IcsComplaints.DemoSeed;

/// <summary>What became of one demo complaint.</summary>
public enum SeedOutcome
{
    /// <summary>Recorded by this run.</summary>
    Recorded,

    /// <summary>Already there: recorded by an earlier run under the same Idempotency-Key.</summary>
    AlreadyRecorded,

    /// <summary>Not recorded: no token for its user, the gateway refused it, or the gateway did not answer.</summary>
    Failed,
}

/// <summary>
/// Records demo complaints through the gateway's public API, as a person at the organisation would: each demo
/// user signs in with the password grant (the development profile's <c>ics-cli</c> client) and submits with the
/// complaint's Idempotency-Key, so intake validates, routes and announces it like any other.
/// </summary>
public sealed class DemoSeeder(HttpClient gateway, string password, TextWriter log)
{
    /// <summary>The public client that may use the password grant in the development profile.</summary>
    public const string Client = "ics-cli";

    /// <summary>Records every complaint of the fixture, dated relative to <paramref name="today"/>; one outcome each.</summary>
    public async Task<IReadOnlyList<SeedOutcome>> SeedAsync(DemoFixture fixture, DateOnly today, CancellationToken ct)
    {
        var tokens = new Dictionary<string, string?>(StringComparer.Ordinal);
        var outcomes = new List<SeedOutcome>();
        foreach (var complaint in fixture.Complaints)
        {
            if (!tokens.TryGetValue(complaint.User, out var token))
            {
                tokens[complaint.User] = token = await TokenAsync(complaint.User, ct);
            }
            var outcome = token is null ? SeedOutcome.Failed : await SubmitAsync(complaint, token, today, ct);
            outcomes.Add(outcome);
        }
        return outcomes;
    }

    private async Task<SeedOutcome> SubmitAsync(DemoComplaint complaint, string token, DateOnly today, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/v1/complaints", UriKind.Relative))
        {
            Content = new StringContent(complaint.RequestOn(today).ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("Idempotency-Key", complaint.IdempotencyKey);
        var what = $"demo complaint {complaint.IdempotencyKey} by {complaint.User}";
        try
        {
            using var response = await gateway.SendAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                var replayed = response.Headers.TryGetValues("Idempotent-Replayed", out var values) && values.Contains("true");
                await log.WriteLineAsync($"{what}: {(replayed ? "already recorded" : "recorded")} as {Field(body, "reference") ?? "?"}");
                return replayed ? SeedOutcome.AlreadyRecorded : SeedOutcome.Recorded;
            }
            // Intake's only conflict on submission: the key was used for a different body, i.e. by a run on an
            // earlier day, whose relative dates differed. That complaint is there; recording it again would repeat it.
            if (response.StatusCode == HttpStatusCode.Conflict)
            {
                await log.WriteLineAsync($"{what}: already recorded on an earlier day");
                return SeedOutcome.AlreadyRecorded;
            }
            await log.WriteLineAsync($"warning: {what} was not accepted: {(int)response.StatusCode} {Truncate(body)}");
            return SeedOutcome.Failed;
        }
        catch (HttpRequestException ex)
        {
            await log.WriteLineAsync($"warning: {what} was not sent: {ex.Message}");
            return SeedOutcome.Failed;
        }
    }

    private async Task<string?> TokenAsync(string user, CancellationToken ct)
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
            using var response = await gateway.PostAsync(new Uri("connect/token", UriKind.Relative), form, ct);
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

    private static string? Field(string json, string name)
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

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
