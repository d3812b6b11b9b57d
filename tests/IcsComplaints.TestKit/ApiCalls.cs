using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace IcsComplaints.TestKit;

/// <summary>Calls that must succeed, answering JSON: a failure shows the method, path, status and body.</summary>
public static class ApiCalls
{
    /// <summary>GET, expecting 200.</summary>
    public static async Task<JsonElement> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        return await ReadAsync(response, "GET", path, HttpStatusCode.OK);
    }

    /// <summary>PUT a JSON body, expecting 200.</summary>
    public static async Task<JsonElement> PutAsync(HttpClient http, string path, object body)
    {
        using var response = await http.PutAsJsonAsync(new Uri(path, UriKind.Relative), body);
        return await ReadAsync(response, "PUT", path, HttpStatusCode.OK);
    }

    /// <summary>POST a JSON body (or none), expecting the status given.</summary>
    public static async Task<JsonElement> PostAsync(HttpClient http, string path, object? body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var uri = new Uri(path, UriKind.Relative);
        using var response = body is null ? await http.PostAsync(uri, null) : await http.PostAsJsonAsync(uri, body);
        return await ReadAsync(response, "POST", path, expected);
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, string method, string path, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{method} {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A day as the APIs write it (<c>yyyy-MM-dd</c>).</summary>
    public static DateOnly Day(this JsonElement day) =>
        DateOnly.ParseExact(day.GetString() ?? throw new InvalidOperationException("No day given."), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
