using System.Net.Http.Json;
using System.Text.Json;

namespace IcsComplaints.Bench.Intake;

/// <summary>
/// Access tokens for the demo's recording users and clients, asked of the identity service through the gateway as an
/// integrating system would (docs/integrators.md): client credentials for the PALS clients, the password grant (a
/// development-only grant ./ics turns on) for the complaints handlers.
/// </summary>
internal static class DemoTokens
{
    public static async Task<Dictionary<string, string>> FetchAsync(Uri gateway, string demoPassword, string clientSecret)
    {
        using var http = new HttpClient { BaseAddress = gateway };
        var tokens = new Dictionary<string, string>();
        foreach (var submitter in ComplaintBodies.Submitters)
        {
            var form = submitter.ClientCredentials
                ? new Dictionary<string, string>
                {
                    ["grant_type"] = "client_credentials", ["client_id"] = submitter.Name, ["client_secret"] = clientSecret, ["scope"] = "ics-api",
                }
                : new Dictionary<string, string>
                {
                    ["grant_type"] = "password", ["client_id"] = "ics-cli", ["scope"] = "ics-api", ["username"] = submitter.Name, ["password"] = demoPassword,
                };
            using var content = new FormUrlEncodedContent(form);
            using var response = await http.PostAsync("connect/token", content);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"No token for {submitter.Name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            tokens[submitter.Name] = body.GetProperty("access_token").GetString()!;
        }
        return tokens;
    }
}
