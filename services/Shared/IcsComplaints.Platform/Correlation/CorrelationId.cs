using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IcsComplaints.Platform.Correlation;

/// <summary>
/// The correlation id of the current unit of work (an HTTP request, a gRPC call or a consumed message).
/// It travels in the <c>X-Correlation-Id</c> header over HTTP and gRPC and in a message header over RabbitMQ.
/// </summary>
public static partial class CorrelationContext
{
    /// <summary>HTTP and gRPC header that carries the correlation id.</summary>
    public const string HeaderName = "X-Correlation-Id";

    private static readonly AsyncLocal<string?> Current = new();

    /// <summary>The correlation id in effect, or <c>null</c> outside a unit of work.</summary>
    public static string? CorrelationId => Current.Value;

    /// <summary>Sets the correlation id for the rest of the current asynchronous flow.</summary>
    public static void Set(string? correlationId) => Current.Value = correlationId;

    /// <summary>Returns the given id if it is safe to propagate and log, otherwise a new one.</summary>
    /// <remarks>Only short token-like values pass: a caller cannot smuggle text (or personal data) into logs.</remarks>
    public static string Normalise(string? candidate) =>
        candidate is not null && SafeId().IsMatch(candidate) ? candidate : NewId();

    /// <summary>A new correlation id.</summary>
    public static string NewId() => ActivityTraceId.CreateRandom().ToHexString();

    [GeneratedRegex("^[A-Za-z0-9._:-]{8,64}$")]
    private static partial Regex SafeId();
}

/// <summary>Reads or creates the correlation id, echoes it on the response and puts it in the logging scope.</summary>
public sealed class CorrelationIdMiddleware(RequestDelegate next, ILogger<CorrelationIdMiddleware> logger)
{
    /// <summary>Runs the middleware.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        var id = CorrelationContext.Normalise(context.Request.Headers[CorrelationContext.HeaderName].FirstOrDefault());
        context.Request.Headers[CorrelationContext.HeaderName] = id;
        // Set late and only if absent: behind the gateway the proxied response already carries it.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers.TryAdd(CorrelationContext.HeaderName, id);
            return Task.CompletedTask;
        });
        CorrelationContext.Set(id);
        Activity.Current?.SetTag("ics.correlation_id", id);
        using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = id }))
        {
            await next(context);
        }
    }
}

/// <summary>Passes the current correlation id on outgoing HTTP and gRPC calls.</summary>
public sealed class CorrelationIdPropagationHandler : DelegatingHandler
{
    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (CorrelationContext.CorrelationId is { } id && !request.Headers.Contains(CorrelationContext.HeaderName))
        {
            request.Headers.TryAddWithoutValidation(CorrelationContext.HeaderName, id);
        }
        return base.SendAsync(request, cancellationToken);
    }
}

/// <summary>Registration of the correlation id services.</summary>
public static class CorrelationIdServiceCollectionExtensions
{
    /// <summary>Adds the propagation handler to every HttpClient (and so every gRPC client) made by the factory.</summary>
    public static IServiceCollection AddCorrelationIds(this IServiceCollection services)
    {
        services.AddTransient<CorrelationIdPropagationHandler>();
        services.ConfigureHttpClientDefaults(http => http.AddHttpMessageHandler<CorrelationIdPropagationHandler>());
        return services;
    }
}
