using IcsComplaints.ServiceDefaults;
using Scalar.AspNetCore;

namespace IcsComplaints.Gateway;

/// <summary>
/// The browsable reference of every service's REST API at <c>/api/docs</c> (ADR 40): Scalar's page, run from the copy of
/// its script inside the package, reading the services' OpenAPI documents through the gateway's own <c>docs-*</c>
/// routes. Nothing is fetched from anywhere else: Scalar's fonts, telemetry, AI agent, MCP server and links to its
/// online tools are all turned off, and the page runs under a Content-Security-Policy whose scripts need this
/// response's nonce.
/// </summary>
public static class ApiReference
{
    /// <summary>Where the reference page is.</summary>
    public const string Path = "/api/docs";

    /// <summary>
    /// The policy of the page: scripts only from here and only with the nonce; styles inline as well, because Scalar
    /// sets its styles as it runs (without <c>'unsafe-inline'</c> the page is unstyled, and hashes cannot name styles
    /// made at run time); requests only back to this origin, where "Test request" calls the APIs.
    /// </summary>
    public static string ContentSecurityPolicy(string nonce) =>
        $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// Maps the page, without a token and limited per address like the other public reads, unless
    /// <c>ApiDocuments:Enabled</c> is false.
    /// </summary>
    public static WebApplication MapApiReference(this WebApplication app)
    {
        var settings = app.Configuration.GetSection(ApiDocumentSettings.SectionName).Get<ApiDocumentSettings>() ?? new ApiDocumentSettings();
        if (!settings.Enabled)
        {
            return app;
        }
        var documents = DocumentedServices(app.Configuration);
        app.Use(static (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments(Path, StringComparison.Ordinal))
            {
                return next(context);
            }
            context.Response.OnStarting(static state =>
            {
                var context = (HttpContext)state;
                // Only the page carries a nonce; the script files it loads keep the default policy, which scripts ignore.
                if (context.Items[ScalarOptions.NonceHttpContextItemKey] is string nonce)
                {
                    context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy(nonce);
                }
                return Task.CompletedTask;
            }, context);
            return next(context);
        });
        app.MapScalarApiReference(Path, options =>
        {
            options.WithTitle("ICS Complaints API reference")
                .DisableDefaultFonts()
                .DisableTelemetry()
                .HideDeveloperTools()
                .DisableAgent()
                .DisableMcp()
                .WithNonce()
                .AddPreferredSecuritySchemes([ApiDocuments.BearerScheme]);
            // Intake first: submitting and following a complaint is where most integrations start.
            foreach (var service in documents)
            {
                options.AddDocument(service, service, ApiDocuments.PathOf(service), isDefault: service == "intake");
            }
        })
        .AllowAnonymous()
        .RequireRateLimiting(GatewayRateLimits.PublicReadPolicy);
        return app;
    }

    /// <summary>
    /// The services whose document the gateway routes (its <c>docs-*</c> routes), in the order of the configuration, so
    /// the page lists exactly what can be fetched.
    /// </summary>
    public static IReadOnlyList<string> DocumentedServices(IConfiguration configuration) =>
        [.. configuration.GetSection("ReverseProxy:Routes").GetChildren()
            .Select(route => route["Match:Path"])
            .OfType<string>()
            .Where(path => path.StartsWith("/api/docs/", StringComparison.Ordinal) && path.EndsWith("/openapi.json", StringComparison.Ordinal))
            .Select(path => path["/api/docs/".Length..^"/openapi.json".Length])];
}
