using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using IcsComplaints.ServiceDefaults;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IcsComplaints.TestKit;

/// <summary>
/// Compares a running service's OpenAPI document with what the service really answers: its route table (every REST
/// endpoint under <c>/api/</c>, by path and method), the JSON properties of the request bodies its endpoints bind, read
/// with the service's own serializer settings, and which endpoints admit callers without a token. Each check returns
/// the differences, one line each, so a failure names every endpoint at fault at once.
/// </summary>
public static class ApiDocumentCheck
{
    /// <summary>The service's document, fetched from the service itself without a token.</summary>
    public static async Task<JsonElement> FetchAsync(HttpClient http, string service)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var response = await http.GetAsync(new Uri(ApiDocuments.PathOf(service), UriKind.Relative));
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    /// <summary>The REST endpoints of the service (path as OpenAPI writes it, and method), from its route table.</summary>
    public static IReadOnlyList<(string Path, string Method, Endpoint Endpoint)> RestEndpoints(IServiceProvider services) =>
        [.. services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => ApiDocuments.IsDocumentedPath(e.RoutePattern.RawText))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["ANY"]).Select(m => (OpenApiPath(e.RoutePattern), m, (Endpoint)e)))];

    /// <summary>Endpoints of the route table with no operation in the document, and operations no endpoint answers.</summary>
    public static IReadOnlyList<string> Undocumented(IServiceProvider services, JsonElement document)
    {
        var endpoints = RestEndpoints(services);
        var missing = endpoints
            .Where(e => Operation(document, e.Path, e.Method) is null)
            .Select(e => $"{e.Method} {e.Path}: answered by the service, missing from its document");
        var answered = endpoints.Select(e => (Trimmed(e.Path), e.Method.ToLowerInvariant())).ToHashSet();
        var invented = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(o => IsMethod(o.Name)).Select(o => (Path: path.Name, Method: o.Name)))
            .Where(o => !answered.Contains((Trimmed(o.Path), o.Method)))
            .Select(o => $"{o.Method.ToUpperInvariant()} {o.Path}: in the document, answered by no endpoint");
        return [.. missing.Concat(invented)];
    }

    /// <summary>
    /// JSON request bodies whose documented schema does not have exactly the properties the endpoint's request type has
    /// under the service's serializer settings, or does not say that other properties are refused (ADR 11).
    /// </summary>
    public static IReadOnlyList<string> RequestBodyMismatches(IServiceProvider services, JsonElement document)
    {
        var json = services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var mismatches = new List<string>();
        foreach (var (path, method, endpoint) in RestEndpoints(services))
        {
            if (endpoint.Metadata.GetMetadata<IAcceptsMetadata>() is not { RequestType: { } type } accepts
                || !accepts.ContentTypes.Contains("application/json", StringComparer.OrdinalIgnoreCase)
                || json.GetTypeInfo(type) is not { Kind: JsonTypeInfoKind.Object } typeInfo)
            {
                continue;
            }
            var accepted = typeInfo.Properties.Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
            var where = $"{method} {path} ({type.Name})";
            if (Operation(document, path, method) is not { } operation
                || !operation.TryGetProperty("requestBody", out var body)
                || !body.GetProperty("content").TryGetProperty("application/json", out var media))
            {
                mismatches.Add($"{where}: accepts a JSON body the document does not describe");
                continue;
            }
            var schema = Resolve(document, media.GetProperty("schema"));
            var documented = schema.TryGetProperty("properties", out var properties)
                ? properties.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList()
                : [];
            if (!documented.SequenceEqual(accepted, StringComparer.Ordinal))
            {
                mismatches.Add($"{where}: documented [{string.Join(", ", documented)}], accepted [{string.Join(", ", accepted)}]");
            }
            var refusesOthers = (typeInfo.UnmappedMemberHandling ?? json.UnmappedMemberHandling) == System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow;
            var documentedAsRefused = schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.False;
            if (refusesOthers != documentedAsRefused)
            {
                mismatches.Add($"{where}: other properties are {(refusesOthers ? "refused" : "skipped")}, the document says {(documentedAsRefused ? "refused" : "allowed")}");
            }
        }
        return mismatches;
    }

    /// <summary>
    /// Endpoints whose documented security disagrees with their authorisation: an anonymous endpoint must list the empty
    /// requirement ("no token"), every other must not.
    /// </summary>
    public static IReadOnlyList<string> AccessMismatches(IServiceProvider services, JsonElement document) =>
        [.. RestEndpoints(services)
            .Select(e => (e.Path, e.Method, Anonymous: e.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null,
                Operation: Operation(document, e.Path, e.Method)))
            .Where(e => e.Operation is { } operation && e.Anonymous != DocumentedAsAnonymous(operation))
            .Select(e => $"{e.Method} {e.Path}: {(e.Anonymous ? "anonymous, documented as needing a token" : "needs a token, documented as anonymous")}")];

    /// <summary>The operation of a path and method, or null. Routing ignores a trailing slash, so the comparison does.</summary>
    public static JsonElement? Operation(JsonElement document, string path, string method) =>
        document.GetProperty("paths").EnumerateObject()
            .Where(item => Trimmed(item.Name) == Trimmed(path))
            .Select(item => item.Value.TryGetProperty(method.ToLowerInvariant(), out var operation) ? operation : (JsonElement?)null)
            .FirstOrDefault(operation => operation is not null);

    private static string Trimmed(string path) => path.Length > 1 ? path.TrimEnd('/') : path;

    private static bool DocumentedAsAnonymous(JsonElement operation) =>
        operation.TryGetProperty("security", out var security)
        && security.EnumerateArray().Any(requirement => !requirement.EnumerateObject().Any());

    // The schema itself, following a reference to the document's components, or the one reference of a nullable body.
    private static JsonElement Resolve(JsonElement document, JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!["#/components/schemas/".Length..];
            return Resolve(document, document.GetProperty("components").GetProperty("schemas").GetProperty(name));
        }
        foreach (var combinator in new[] { "anyOf", "oneOf", "allOf" })
        {
            if (schema.TryGetProperty(combinator, out var choices)
                && choices.EnumerateArray().FirstOrDefault(c => c.TryGetProperty("$ref", out _) || c.TryGetProperty("properties", out _)) is { ValueKind: JsonValueKind.Object } choice)
            {
                return Resolve(document, choice);
            }
        }
        return schema;
    }

    // Route parameters without their constraints, as OpenAPI writes them: /api/v1/cases/{id:guid} is /api/v1/cases/{id}.
    private static string OpenApiPath(RoutePattern pattern) =>
        "/" + string.Join("/", pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
            _ => "",
        }))));

    private static bool IsMethod(string name) => name is "get" or "put" or "post" or "delete" or "options" or "head" or "patch" or "trace";
}
