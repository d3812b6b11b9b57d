using System.Net.Http.Headers;

namespace IcsComplaints.TestKit;

/// <summary>HTTP clients as callers of the platform use them.</summary>
public static class HttpClients
{
    /// <summary>The client, with a bearer token when given.</summary>
    public static HttpClient WithToken(HttpClient http, string? token)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return http;
    }
}
