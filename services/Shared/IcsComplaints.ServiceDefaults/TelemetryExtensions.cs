using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace IcsComplaints.ServiceDefaults;

/// <summary>The project's own activity source and meter, shared by the libraries and services.</summary>
public static class IcsTelemetry
{
    /// <summary>Name of the activity source and meter.</summary>
    public const string Name = "IcsComplaints";

    /// <summary>Activity source for spans the project creates itself (outbox relay, consumers).</summary>
    public static readonly ActivitySource ActivitySource = new(Name);

    /// <summary>Meter for the project's own metrics.</summary>
    public static readonly Meter Meter = new(Name);
}

/// <summary>OpenTelemetry logs, metrics and traces, exported over OTLP when an endpoint is configured.</summary>
public static class TelemetryExtensions
{
    /// <summary>
    /// Adds OpenTelemetry for ASP.NET Core, HttpClient, the gRPC client, Npgsql and MassTransit. The OTLP exporter
    /// is switched on only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, so nothing is sent anywhere by default.
    /// </summary>
    public static TBuilder AddTelemetry<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        var serviceName = builder.Configuration["OTEL_SERVICE_NAME"] ?? builder.Environment.ApplicationName;

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter("MassTransit")
                .AddMeter(IcsTelemetry.Name))
            .WithTracing(tracing => tracing
                .AddSource(IcsTelemetry.Name)
                .AddSource("MassTransit")
                .AddAspNetCoreInstrumentation(options =>
                {
                    options.Filter = IsNotHealthProbe;
                    options.EnrichWithHttpRequest = (activity, _) => SecretPaths.RedactTags(activity);
                    options.EnrichWithHttpResponse = (activity, _) => SecretPaths.RedactTags(activity);
                })
                .AddGrpcClientInstrumentation()
                .AddHttpClientInstrumentation(options =>
                {
                    options.EnrichWithHttpRequestMessage = (activity, _) => SecretPaths.RedactTags(activity);
                    options.EnrichWithHttpResponseMessage = (activity, _) => SecretPaths.RedactTags(activity);
                })
                .AddNpgsql());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            otel.UseOtlpExporter();
        }
        return builder;
    }

    private static bool IsNotHealthProbe(HttpContext context) =>
        !context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);
}
