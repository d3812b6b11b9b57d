using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
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

/// <summary>Whether the service answers Prometheus at <c>/metrics</c> (configuration section <c>Metrics</c>).</summary>
public sealed class MetricsSettings
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Metrics";

    /// <summary>The path Prometheus scrapes.</summary>
    public const string Path = "/metrics";

    /// <summary>
    /// On by default: the figures are counts and durations labelled by route, consumer and organisation code, never
    /// by a person. Off on the gateway, whose port is public; its traffic is counted by the services behind it.
    /// </summary>
    public bool Enabled { get; set; } = true;
}

/// <summary>
/// OpenTelemetry logs, metrics and traces, exported over OTLP when an endpoint is configured, and metrics also
/// served for Prometheus at <c>/metrics</c>.
/// </summary>
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

        // Outside development, the console writes one JSON object a line with the trace and span ids, for the cluster's
        // log collector; a developer's terminal keeps the readable lines.
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.AddConsole(options => options.FormatterName = JsonLogFormatter.FormatterName)
                .AddConsoleFormatter<JsonLogFormatter, ConsoleFormatterOptions>();
        }
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
                .AddMeter(IcsTelemetry.Name)
                .AddPrometheusExporter())
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

        builder.Services.ConfigureOpenTelemetryMeterProvider((services, metrics) => metrics.AddView(OwnMetersOnly(services)));

        builder.Services.Configure<MetricsSettings>(builder.Configuration.GetSection(MetricsSettings.SectionName));
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            otel.UseOtlpExporter();
        }
        return builder;
    }

    /// <summary>Serves the metrics for Prometheus at <c>/metrics</c>, without a token, unless <c>Metrics:Enabled</c> is false.</summary>
    public static WebApplication MapMetrics(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetRequiredService<IOptions<MetricsSettings>>().Value.Enabled)
        {
            app.MapPrometheusScrapingEndpoint(MetricsSettings.Path).AllowAnonymous();
        }
        return app;
    }

    // Instruments of meters made by another host's meter factory, where several hosts share a process (the test suite
    // runs every service in one), are dropped. Name alone would let this host's provider merge their instruments with
    // its own into one stream, and the SDK drops a stream when any of its instruments is disposed: the first host to
    // stop would take the others' request durations with it (ADR 61). Static meters (a null scope) are kept.
    private static Func<Instrument, MetricStreamConfiguration?> OwnMetersOnly(IServiceProvider services)
    {
        var own = services.GetRequiredService<IMeterFactory>();
        return instrument => instrument.Meter.Scope is null || ReferenceEquals(instrument.Meter.Scope, own) ? null : MetricStreamConfiguration.Drop;
    }

    // Probes and scrapes every few seconds would be most of the traces and say nothing about a complaint.
    private static bool IsNotHealthProbe(HttpContext context) =>
        !context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)
        && !context.Request.Path.StartsWithSegments(MetricsSettings.Path, StringComparison.OrdinalIgnoreCase);
}
