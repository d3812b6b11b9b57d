using System.Text.Json;
using System.Text.Json.Serialization;

namespace IcsComplaints.Portal.Web.Clients;

/// <summary>
/// A refusal from an API (RFC 9457 problem details): its title, detail and the messages by field, exactly as the
/// service worded them. The portal shows these messages and never writes its own version of a rule (ADR 22).
/// </summary>
public sealed record ApiProblem(int Status, string? Title, string? Detail, IReadOnlyDictionary<string, string[]> Errors)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Reads the problem from a response body; a body that is not problem details gives its status alone.</summary>
    public static ApiProblem Read(int status, string body)
    {
        try
        {
            var parsed = JsonSerializer.Deserialize<Body>(body, Json);
            return new ApiProblem(status, parsed?.Title, parsed?.Detail, parsed?.Errors ?? []);
        }
        catch (JsonException)
        {
            return new ApiProblem(status, null, null, new Dictionary<string, string[]>());
        }
    }

    private sealed record Body(
        [property: JsonPropertyName("title")] string? Title,
        [property: JsonPropertyName("detail")] string? Detail,
        [property: JsonPropertyName("errors")] Dictionary<string, string[]>? Errors);
}

/// <summary>What a call to an API gave: the value, or the problem it was refused with.</summary>
public sealed record ApiResult<T>(T? Value, ApiProblem? Problem)
{
    /// <summary>True when the API answered with success.</summary>
    public bool Succeeded => Problem is null;

    /// <summary>True when the API answered 404: unknown, or not this caller's to see.</summary>
    public bool NotFound => Problem?.Status == 404;

    /// <summary>True when the API refused the caller (401 or 403): the page answers "access denied" rather than show an error.</summary>
    public bool Refused => Problem?.Status is 401 or 403;
}
