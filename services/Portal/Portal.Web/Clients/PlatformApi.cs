using System.Text.Json;
using System.Text.Json.Serialization;

namespace IcsComplaints.Portal.Web.Clients;

/// <summary>
/// The platform's REST APIs through the gateway, called as the person using the portal: with their access token when
/// they are signed in, with none otherwise (<see cref="CallerForwarding"/>). An API's refusal comes back as an
/// <see cref="ApiProblem"/>; an outage (5xx, no answer) throws, and the portal shows its error page.
/// </summary>
public sealed class PlatformApi(HttpClient http)
{
    /// <summary>How the APIs write JSON: camelCase, enumerations by name.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>GET a JSON resource.</summary>
    public async Task<ApiResult<T>> GetAsync<T>(string path, IReadOnlyDictionary<string, string>? headers, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        AddHeaders(request, headers);
        using var response = await http.SendAsync(request, ct);
        return await ReadAsync<T>(response, ct);
    }

    /// <summary>POST a JSON body.</summary>
    public async Task<ApiResult<T>> PostAsync<T>(string path, object body, IReadOnlyDictionary<string, string>? headers, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = JsonContent.Create(body, body.GetType(), options: Json),
        };
        AddHeaders(request, headers);
        using var response = await http.SendAsync(request, ct);
        return await ReadAsync<T>(response, ct);
    }

    /// <summary>Sends a JSON body with any method (a case step is a POST or a PUT).</summary>
    public async Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(method);
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        }
        using var response = await http.SendAsync(request, ct);
        return await ReadAsync<T>(response, ct);
    }

    /// <summary>GETs a document as it is (a letter's HTML), with its content type and policy; null when refused.</summary>
    public async Task<RawDocument?> GetDocumentAsync(string path, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        using var response = await http.SendAsync(request, ct);
        if ((int)response.StatusCode >= 500)
        {
            throw new HttpRequestException($"The platform answered {(int)response.StatusCode}.", null, response.StatusCode);
        }
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }
        var policy = response.Headers.TryGetValues("Content-Security-Policy", out var values) ? string.Join("; ", values) : null;
        return new RawDocument(await response.Content.ReadAsStringAsync(ct), response.Content.Headers.ContentType?.ToString() ?? "text/plain", policy);
    }

    /// <summary>POST a file as a multipart form, as a browser uploads one.</summary>
    public async Task<ApiResult<T>> PostFileAsync<T>(
        string path, string field, Stream file, string fileName, string contentType, CancellationToken ct, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var content = new MultipartFormDataContent();
        using var part = new StreamContent(file);
        part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        content.Add(part, field, fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = content };
        AddHeaders(request, headers);
        using var response = await http.SendAsync(request, ct);
        return await ReadAsync<T>(response, ct);
    }

    /// <summary>GET a file (a CSV, say) as it is, with its media type and the name the API offers it under.</summary>
    public async Task<ApiResult<(byte[] Content, string ContentType, string? FileName)>> GetFileAsync(string path, CancellationToken ct)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), ct);
        if ((int)response.StatusCode >= 500)
        {
            throw new HttpRequestException($"The platform answered {(int)response.StatusCode}.", null, response.StatusCode);
        }
        if (!response.IsSuccessStatusCode)
        {
            return new(default, ApiProblem.Read((int)response.StatusCode, await response.Content.ReadAsStringAsync(ct)));
        }
        var type = response.Content.Headers.ContentType?.ToString() ?? "application/octet-stream";
        var name = response.Content.Headers.ContentDisposition is { } disposition ? disposition.FileNameStar ?? disposition.FileName?.Trim('"') : null;
        return new((await response.Content.ReadAsByteArrayAsync(ct), type, name), null);
    }

    private static void AddHeaders(HttpRequestMessage request, IReadOnlyDictionary<string, string>? headers)
    {
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
    }

    private static async Task<ApiResult<T>> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct)
    {
        if ((int)response.StatusCode >= 500)
        {
            throw new HttpRequestException($"The platform answered {(int)response.StatusCode}.", null, response.StatusCode);
        }
        if (!response.IsSuccessStatusCode)
        {
            return new ApiResult<T>(default, ApiProblem.Read((int)response.StatusCode, await response.Content.ReadAsStringAsync(ct)));
        }
        if (response.Content.Headers.ContentLength == 0 || response.StatusCode == System.Net.HttpStatusCode.NoContent)
        {
            return new ApiResult<T>(default, null);
        }
        return new ApiResult<T>(await response.Content.ReadFromJsonAsync<T>(Json, ct), null);
    }
}

/// <summary>A document an API renders itself (a letter), passed on unchanged with its own Content-Security-Policy.</summary>
public sealed record RawDocument(string Body, string ContentType, string? ContentSecurityPolicy);
