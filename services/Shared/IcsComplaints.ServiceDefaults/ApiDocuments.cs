using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace IcsComplaints.ServiceDefaults;

/// <summary>Whether the API documents are published (configuration section <c>ApiDocuments</c>).</summary>
public sealed class ApiDocumentSettings
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "ApiDocuments";

    /// <summary>
    /// On a service, whether it serves its OpenAPI document; on the gateway, whether it serves the reference page at
    /// <c>/api/docs</c>. On by default in every environment: the documents describe the open-source code's API and
    /// hold no data (ADR 40).
    /// </summary>
    public bool Enabled { get; set; } = true;
}

/// <summary>
/// Each service's OpenAPI 3.1 document of its REST API (everything under <c>/api/</c>; gRPC has its published
/// <c>.proto</c> files), served at <c>/api/docs/{service}/openapi.json</c>, the same path the gateway routes to it, with
/// the platform's token schemes, which operations need no token, and the problem details every operation can answer.
/// Each service calls <see cref="AddApiDocument"/> with its name and <see cref="MapApiDocument"/>, once each.
/// </summary>
public static class ApiDocuments
{
    /// <summary>The security scheme of a bearer access token.</summary>
    public const string BearerScheme = "bearer";

    /// <summary>The security scheme of a token got by client credentials, as integrating systems do.</summary>
    public const string ClientCredentialsScheme = "clientCredentials";

    /// <summary>The scope every access token for these APIs carries.</summary>
    public const string ApiScope = "ics-api";

    /// <summary>Media type of problem details (RFC 9457).</summary>
    public const string ProblemMediaType = "application/problem+json";

    /// <summary>The schema of a problem details answer.</summary>
    public const string ProblemSchema = "Problem";

    /// <summary>The schema of a 400 answer naming the fields at fault.</summary>
    public const string ValidationProblemSchema = "ValidationProblem";

    /// <summary>Where a service serves its document, and where the gateway routes it.</summary>
    public static string PathOf(string service) => $"/api/docs/{service}/openapi.json";

    /// <summary>True for a path of the REST APIs the documents describe (not a document itself).</summary>
    public static bool IsDocumentedPath(string? relativePath) =>
        relativePath is not null
        && relativePath.TrimStart('/').StartsWith("api/", StringComparison.Ordinal)
        && !relativePath.TrimStart('/').StartsWith("api/docs/", StringComparison.Ordinal);

    /// <summary>Adds the generator of the service's document.</summary>
    /// <param name="builder">The service's builder.</param>
    /// <param name="service">The service's name, as in deploy/services.tsv (intake, advocacy-referral).</param>
    /// <param name="summary">One sentence on what the service's API is for, shown at the top of its reference.</param>
    public static TBuilder AddApiDocument<TBuilder>(this TBuilder builder, string service, string summary)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.Configure<ApiDocumentSettings>(builder.Configuration.GetSection(ApiDocumentSettings.SectionName));
        builder.Services.AddSingleton(new DocumentedService(service));
        builder.Services.AddOpenApi(options =>
        {
            options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            options.ShouldInclude = description => IsDocumentedPath(description.RelativePath);
            options.AddDocumentTransformer((document, _, _) =>
            {
                Describe(document, service, summary);
                return Task.CompletedTask;
            });
            // The comments first, so that what the access transformer adds to an operation's description comes before them.
            options.AddOperationTransformer((operation, context, _) =>
            {
                DescribeFromComments(operation, context);
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                DescribeAccessAndProblems(operation, context);
                return Task.CompletedTask;
            });
            options.AddSchemaTransformer((schema, context, _) =>
            {
                DescribeFromComments(schema, context);
                return Task.CompletedTask;
            });
        });
        return builder;
    }

    /// <summary>Serves the document, without a token, unless <c>ApiDocuments:Enabled</c> is false.</summary>
    public static WebApplication MapApiDocument(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetRequiredService<IOptions<ApiDocumentSettings>>().Value.Enabled)
        {
            app.MapOpenApi(PathOf(app.Services.GetRequiredService<DocumentedService>().Name)).AllowAnonymous();
        }
        return app;
    }

    private static void Describe(OpenApiDocument document, string service, string summary)
    {
        document.Info = new OpenApiInfo
        {
            Title = $"ICS Complaints: {service}",
            Version = "v1",
            Description = summary + " Reached through the gateway, which validates the token first; errors are RFC 9457 " +
                "problem details. The integrator's guide (docs/integrators.md) explains tokens, idempotency keys, lists, errors and events.",
            License = new OpenApiLicense { Name = "MIT", Identifier = "MIT" },
        };
        // Relative: the paths are answered where the document was fetched, the gateway, never a service's own address.
        document.Servers = [new OpenApiServer { Url = "/", Description = "The gateway this document was fetched through." }];
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = $"An access token from the identity service (POST /connect/token) with the scope {ApiScope}: a person's, " +
                "from signing in, or an integrating system's, from its client credentials.",
        };
        document.Components.SecuritySchemes[ClientCredentialsScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.OAuth2,
            Description = "An integrating system's token: its client id and secret, issued by a platform administrator, for the organisation it acts for.",
            Flows = new OpenApiOAuthFlows
            {
                ClientCredentials = new OpenApiOAuthFlow
                {
                    TokenUrl = new Uri("/connect/token", UriKind.Relative),
                    Scopes = new Dictionary<string, string> { [ApiScope] = "The platform's APIs, as far as the client's roles allow." },
                },
            },
        };
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        document.Components.Schemas[ProblemSchema] = Problem(withErrors: false);
        document.Components.Schemas[ValidationProblemSchema] = Problem(withErrors: true);
    }

    // What ProblemDetailsEnricher and the exception handlers write, written out by hand so that the document says
    // exactly what is sent (the trace and correlation ids included).
    private static OpenApiSchema Problem(bool withErrors)
    {
        var properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "A URI identifying the kind of problem." },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "What went wrong, in plain words." },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "The HTTP status code." },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "What to do about it, when there is more to say." },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The path that was asked for." },
            ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The W3C trace id, to quote when reporting a fault." },
            ["correlationId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The X-Correlation-Id of the request." },
        };
        if (withErrors)
        {
            properties["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "The fields at fault (JSON paths such as complainant.name, or query parameter names), each with its messages.",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            };
        }
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = withErrors ? "RFC 9457 problem details with the fields at fault." : "RFC 9457 problem details.",
            Properties = properties,
        };
    }

    // The handler's summary and what it says of each parameter (a lambda has no comments, and its operation none).
    private static void DescribeFromComments(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<MethodInfo>().FirstOrDefault() is not { } handler)
        {
            return;
        }
        operation.Description ??= XmlComments.Of(handler);
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            // A header's name is not its parameter's (X-Complaint-Secret is secret).
            var name = context.Description.ParameterDescriptions.FirstOrDefault(p => p.Name == parameter.Name)?.ParameterDescriptor?.Name ?? parameter.Name;
            parameter.Description ??= name is null ? null : XmlComments.OfParameter(handler, name);
        }
    }

    // A record's summary on its schema, and each member's on the member's schema. Members whose schema is shared (a
    // record or an enumeration, written once under components) are left alone: a description set there would be
    // every referring member's.
    private static void DescribeFromComments(OpenApiSchema schema, OpenApiSchemaTransformerContext context)
    {
        var type = context.JsonTypeInfo.Type;
        if (context.JsonPropertyInfo is { AttributeProvider: PropertyInfo property })
        {
            if (context.JsonTypeInfo.Kind == JsonTypeInfoKind.None && !(Nullable.GetUnderlyingType(type) ?? type).IsEnum)
            {
                schema.Description ??= XmlComments.Of(property);
            }
        }
        else if (context.JsonTypeInfo.Kind == JsonTypeInfoKind.Object)
        {
            schema.Description ??= XmlComments.Of(type);
        }
    }

    private static void DescribeAccessAndProblems(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        var document = context.Document;
        var bearer = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] };
        var clientCredentials = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ClientCredentialsScheme, document)] = [ApiScope] };
        // An empty requirement is "no token"; a public endpoint still reads a token when one is sent (staff recording a
        // complaint by telephone use the same address as the public), so the token schemes stay listed beside it.
        operation.Security = anonymous ? [new OpenApiSecurityRequirement(), bearer, clientCredentials] : [bearer, clientCredentials];
        if (anonymous)
        {
            operation.Description = "No token needed." + (operation.Description is { Length: > 0 } d ? " " + d : "");
        }

        operation.Responses ??= [];
        SetProblem(operation, document, StatusCodes.Status400BadRequest, ValidationProblemSchema,
            "A field, a query parameter or the body is not valid; errors names each field at fault.",
            new JsonObject
            {
                ["title"] = "One or more fields are not valid.",
                ["status"] = 400,
                ["errors"] = new JsonObject { ["reference"] = new JsonArray("A reference is eight letters and digits, such as ABCD-2345.") },
            });
        if (!anonymous)
        {
            SetProblem(operation, document, StatusCodes.Status401Unauthorized, ProblemSchema,
                "No token, or one that is expired, not signed by the identity service or without the API's scope.",
                new JsonObject { ["title"] = "Unauthorized", ["status"] = 401 });
            SetProblem(operation, document, StatusCodes.Status403Forbidden, ProblemSchema,
                "The caller's roles do not allow this, whichever record is asked for.",
                new JsonObject { ["title"] = "You are not allowed to do this.", ["status"] = 403 });
        }
        // A record of another organisation answers 404 as one that does not exist, so its existence is not revealed.
        if (context.Description.ParameterDescriptions.Any(p => p.Source.Id == "Path") || operation.Responses.ContainsKey("404"))
        {
            SetProblem(operation, document, StatusCodes.Status404NotFound, ProblemSchema,
                "No such record, or none the caller may see.",
                new JsonObject { ["title"] = "Not Found", ["status"] = 404 });
        }
    }

    private static void SetProblem(OpenApiOperation operation, OpenApiDocument? document, int status, string schema, string description, JsonObject example)
    {
        operation.Responses![status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
            {
                [ProblemMediaType] = new OpenApiMediaType { Schema = new OpenApiSchemaReference(schema, document), Example = example },
            },
        };
    }

    /// <summary>The name the service's document is served under.</summary>
    private sealed record DocumentedService(string Name);
}
