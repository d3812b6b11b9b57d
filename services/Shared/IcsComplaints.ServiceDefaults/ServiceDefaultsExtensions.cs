using System.Text.Json.Serialization;
using IcsComplaints.Platform.Correlation;
using IcsComplaints.ServiceDefaults.Errors;
using IcsComplaints.ServiceDefaults.GrpcProtocol;
using IcsComplaints.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace IcsComplaints.ServiceDefaults;

/// <summary>
/// The defaults every service and the gateway share: telemetry, health, problem details, correlation ids,
/// JSON conventions and request limits. Each service calls <see cref="AddServiceDefaults"/> once and
/// <see cref="MapDefaultEndpoints"/> once, in the same places of its <c>Program.cs</c>.
/// </summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>Tag for health checks that take part in readiness (database, broker), not liveness.</summary>
    public const string ReadyTag = "ready";

    /// <summary>Tag for the process-only check used by liveness.</summary>
    public const string LiveTag = "live";

    /// <summary>Adds telemetry, health checks, problem details, correlation ids and JSON conventions.</summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.AddTelemetry();
        builder.AddServiceAuthentication();
        builder.Services.AddHttpContextAccessor();

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemDetailsEnricher.Enrich);
        builder.Services.AddExceptionHandler<ValidationExceptionHandler>();
        builder.Services.AddExceptionHandler<DependencyUnavailableExceptionHandler>();
        builder.Services.AddCorrelationIds();
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, GrpcAuthorizationResultHandler>();
        // Binding failures reach the exception handlers, which name the offending field.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.Configure<ExceptionHandlerOptions>(options =>
            options.SuppressDiagnosticsCallback = context => ValidationExceptionHandler.IsClientError(context.Exception));
        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            // A misspelt field is an error, not silently dropped data.
            options.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        });
        builder.Services.Configure<RequestLimitsOptions>(builder.Configuration.GetSection(RequestLimitsOptions.SectionName));
        builder.Services.AddOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>()
            .Configure<Microsoft.Extensions.Options.IOptions<RequestLimitsOptions>>((kestrel, limits) =>
            {
                kestrel.Limits.MaxRequestBodySize = limits.Value.MaxRequestBodyBytes;
                // No banner: what runs here is nobody's business.
                kestrel.AddServerHeader = false;
            });
        builder.Services.Configure<SecurityHeaderSettings>(builder.Configuration.GetSection(SecurityHeaderSettings.SectionName));
        // One X-Frame-Options, from the security headers, not a second from antiforgery.
        builder.Services.Configure<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>(options => options.SuppressXFrameOptionsHeader = true);
        return builder;
    }

    /// <summary>
    /// Adds the shared middleware (exception handling, problem details for empty error responses, correlation ids,
    /// refusal of non-UTF-8 bodies, authentication, authorisation and the checks of gRPC messages) and maps
    /// <c>/health/live</c>, <c>/health/ready</c> and <c>/metrics</c>, in every environment.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseMiddleware<RequestCharsetMiddleware>();
        app.UseAuthentication();
        app.UseAuthorization();
        // A service's own token only reaches the endpoints that admit it (ADR 36).
        app.UseMiddleware<ServiceIdentityBoundary>();
        // After authorisation: a caller who may not call learns nothing from how their message is checked.
        app.UseMiddleware<GrpcRequestGuard>();

        // Liveness checks the process only, so an outage of PostgreSQL or RabbitMQ never restarts every pod.
        app.MapHealthChecks("/health/live", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(LiveTag),
            ResponseWriter = HealthResponseWriter.WriteAsync,
        }).AllowAnonymous();
        // Readiness adds the database and the broker. A broker outage reports Degraded (HTTP 200): the outbox keeps
        // accepting work and delivers it later, so the instance stays in rotation.
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(LiveTag) || check.Tags.Contains(ReadyTag),
            ResponseWriter = HealthResponseWriter.WriteAsync,
        }).AllowAnonymous();
        app.MapMetrics();
        app.MapGrpcReflectionInDevelopment();
        return app;
    }
}

/// <summary>Request limits shared by every HTTP endpoint of a service.</summary>
public sealed class RequestLimitsOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "RequestLimits";

    /// <summary>Largest request body accepted, in bytes. Complaints are text; 256 KiB is generous.</summary>
    public long MaxRequestBodyBytes { get; set; } = 256 * 1024;
}

internal static class HealthResponseWriter
{
    // Status per check and no exception text: health endpoints are reachable without a token.
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
        };
        return context.Response.WriteAsJsonAsync(body);
    }
}
