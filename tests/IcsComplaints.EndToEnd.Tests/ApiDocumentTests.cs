using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IcsComplaints.ServiceDefaults;
using IcsComplaints.TestKit;

namespace IcsComplaints.EndToEnd.Tests;

/// <summary>
/// Each service's OpenAPI document says what the service really answers (ADR 40), and the gateway serves the documents
/// and the reference page at <c>/api/docs</c> without reaching any other host. The correspondence service, which this
/// system does not start, is checked by its own tests.
/// </summary>
public sealed partial class ApiDocumentTests(IcsSystem system)
{
    [Fact]
    public async Task EveryRestEndpoint_OfEveryService_IsInItsDocument_AndNothingElseIs()
    {
        var differences = new List<string>();
        foreach (var (name, services, address) in system.ServiceHosts())
        {
            var document = await FetchAsync(address, name);
            Assert.NotEmpty(ApiDocumentCheck.RestEndpoints(services));
            differences.AddRange(ApiDocumentCheck.Undocumented(services, document).Select(d => $"{name}: {d}"));
        }

        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    [Fact]
    public async Task EveryJsonRequestBody_IsDocumentedWithExactlyTheFieldsItsRecordAccepts_AndRefusesOthers()
    {
        var differences = new List<string>();
        var bodies = 0;
        foreach (var (name, services, address) in system.ServiceHosts())
        {
            var document = await FetchAsync(address, name);
            bodies += ApiDocumentCheck.RestEndpoints(services).Count(e => e.Endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.RequestType is not null);
            differences.AddRange(ApiDocumentCheck.RequestBodyMismatches(services, document).Select(d => $"{name}: {d}"));
        }

        Assert.True(bodies > 20, $"Only {bodies} request bodies were compared.");
        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    [Fact]
    public async Task PublicEndpoints_AreDocumentedAsNeedingNoToken_AndEveryOtherAsNeedingOne()
    {
        var differences = new List<string>();
        foreach (var (name, services, address) in system.ServiceHosts())
        {
            differences.AddRange(ApiDocumentCheck.AccessMismatches(services, await FetchAsync(address, name)).Select(d => $"{name}: {d}"));
        }

        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    [Fact]
    public async Task TheChecks_NameAnEndpointLeftOut_AFieldLeftOut_AndAPublicEndpointDocumentedAsProtected()
    {
        var document = JsonNode.Parse((await FetchAsync(system.Intake.HttpAddress, "intake")).GetRawText())!;
        var paths = document["paths"]!.AsObject();
        paths.Remove("/api/v1/concerns");
        paths.Remove("/api/v1/concerns/");
        var submit = paths.First(p => p.Key.TrimEnd('/') == "/api/v1/complaints").Value!["post"]!;
        submit["security"] = new JsonArray(new JsonObject { [ApiDocuments.BearerScheme] = new JsonArray() });
        var body = submit["requestBody"]!["content"]!["application/json"]!["schema"]!.ToJsonString();
        var schemaName = SchemaReference().Match(body) is { Success: true } reference
            ? reference.Groups[1].Value
            : throw new InvalidOperationException("The submission's body is expected to be a named schema: " + body);
        document["components"]!["schemas"]![schemaName]!["properties"]!.AsObject().Remove("organisationCode");
        var altered = JsonDocument.Parse(document.ToJsonString()).RootElement;

        Assert.Contains(ApiDocumentCheck.Undocumented(system.Intake.Services, altered), d => d.StartsWith("POST /api/v1/concerns", StringComparison.Ordinal));
        Assert.Contains(ApiDocumentCheck.RequestBodyMismatches(system.Intake.Services, altered), d => d.StartsWith("POST /api/v1/complaints", StringComparison.Ordinal));
        Assert.Contains(ApiDocumentCheck.AccessMismatches(system.Intake.Services, altered), d => d.StartsWith("POST /api/v1/complaints", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EachServicesDocument_IsServedThroughTheGatewayWithoutAToken_AsOpenApi31_WithTheTokenSchemes()
    {
        using var http = system.GatewayHttp();
        foreach (var (name, _, _) in system.ServiceHosts())
        {
            using var response = await http.GetAsync(new Uri(ApiDocuments.PathOf(name), UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{name}: {response.StatusCode}");
            var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

            Assert.StartsWith("3.1.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
            Assert.Equal($"ICS Complaints: {name}", document.GetProperty("info").GetProperty("title").GetString());
            var schemes = document.GetProperty("components").GetProperty("securitySchemes");
            Assert.Equal("bearer", schemes.GetProperty(ApiDocuments.BearerScheme).GetProperty("scheme").GetString());
            Assert.Equal("/connect/token", schemes.GetProperty(ApiDocuments.ClientCredentialsScheme).GetProperty("flows")
                .GetProperty("clientCredentials").GetProperty("tokenUrl").GetString());
            // Relative, so "Test request" on the reference page goes to the gateway, not to the service's own address.
            Assert.Equal("/", document.GetProperty("servers")[0].GetProperty("url").GetString());
        }
    }

    [Fact]
    public async Task EveryOperation_DocumentsItsErrorsAsProblemDetails()
    {
        var missing = new List<string>();
        foreach (var (name, _, address) in system.ServiceHosts())
        {
            var document = await FetchAsync(address, name);
            foreach (var path in document.GetProperty("paths").EnumerateObject())
            {
                foreach (var operation in path.Value.EnumerateObject())
                {
                    var responses = operation.Value.GetProperty("responses");
                    var expected = DocumentedAsAnonymous(operation.Value) ? new[] { "400" } : ["400", "401", "403"];
                    missing.AddRange(expected
                        .Where(status => !responses.TryGetProperty(status, out var response)
                            || !response.GetProperty("content").TryGetProperty(ApiDocuments.ProblemMediaType, out _))
                        .Select(status => $"{name}: {operation.Name.ToUpperInvariant()} {path.Name} {status}"));
                }
            }
        }

        Assert.True(missing.Count == 0, "Without a problem details answer:\n" + string.Join("\n", missing));
    }

    [Fact]
    public async Task Descriptions_ComeFromTheXmlCommentsOfTheHandlers_TheirParameters_AndTheRecordsFields()
    {
        var document = await FetchAsync(system.Intake.HttpAddress, "intake");

        var list = ApiDocumentCheck.Operation(document, "/api/v1/organisations", "GET")!.Value;
        Assert.Contains("The organisations that existed on the day", list.GetProperty("description").GetString(), StringComparison.Ordinal);
        var on = list.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "on");
        Assert.Equal("The day, YYYY-MM-DD; today (Europe/London) by default.", on.GetProperty("description").GetString());
        var submission = document.GetProperty("components").GetProperty("schemas").GetProperty("SubmitComplaintCommand");
        Assert.Equal("ODS code of the organisation the complaint is made to.",
            submission.GetProperty("properties").GetProperty("organisationCode").GetProperty("description").GetString());
    }

    [Fact]
    public async Task ReferencePage_IsServedByTheGateway_WithEveryScriptUnderThisResponsesNonce_AndNothingFromAnotherHost()
    {
        using var http = system.GatewayHttp();

        using var first = await http.GetAsync(new Uri(ApiReferencePath, UriKind.Relative));
        using var second = await http.GetAsync(new Uri(ApiReferencePath, UriKind.Relative));
        var page = await first.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("text/html", first.Content.Headers.ContentType?.MediaType);
        var policy = Assert.Single(first.Headers.GetValues("Content-Security-Policy"));
        var nonce = NonceInPolicy().Match(policy) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("No nonce in " + policy);
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        Assert.NotEqual(policy, Assert.Single(second.Headers.GetValues("Content-Security-Policy")));
        var scripts = ScriptTag().Matches(page).Select(m => m.Value).ToList();
        Assert.NotEmpty(scripts);
        Assert.All(scripts, script => Assert.Contains($"nonce=\"{nonce}\"", script, StringComparison.Ordinal));
        // No address of another host, in an attribute or in the configuration the page hands to Scalar.
        Assert.Empty(AbsoluteAddress().Matches(page).Select(m => m.Value));
        foreach (var (name, _, _) in system.ServiceHosts())
        {
            // Written relative to the page's base, as Scalar resolves it: the gateway's own docs-* route.
            Assert.Contains($"\"url\":\"{ApiDocuments.PathOf(name).TrimStart('/')}\"", page, StringComparison.Ordinal);
        }
        foreach (var script in ScriptSource().Matches(page).Select(m => m.Groups[1].Value))
        {
            using var asset = await http.GetAsync(new Uri(new Uri(http.BaseAddress!, ApiReferencePath), script));
            Assert.True(asset.StatusCode == HttpStatusCode.OK, $"{script}: {asset.StatusCode}");
        }
    }

    private const string ApiReferencePath = "/api/docs/";

    private static bool DocumentedAsAnonymous(JsonElement operation) =>
        operation.TryGetProperty("security", out var security) && security.EnumerateArray().Any(r => !r.EnumerateObject().Any());

    private static async Task<JsonElement> FetchAsync(Uri address, string service)
    {
        using var http = new HttpClient { BaseAddress = address };
        return await ApiDocumentCheck.FetchAsync(http, service);
    }

    [GeneratedRegex("\"\\$ref\":\"#/components/schemas/([^\"]+)\"")]
    private static partial Regex SchemaReference();

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex NonceInPolicy();

    [GeneratedRegex("<script[^>]*>")]
    private static partial Regex ScriptTag();

    [GeneratedRegex("<script[^>]*\\ssrc=\"([^\"]+)\"")]
    private static partial Regex ScriptSource();

    [GeneratedRegex("(https?:)?//[a-z0-9.-]+\\.[a-z]{2,}", RegexOptions.IgnoreCase)]
    private static partial Regex AbsoluteAddress();
}
