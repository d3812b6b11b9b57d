using System.Threading.RateLimiting;
using IcsComplaints.ServiceDefaults.GrpcProtocol;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace IcsComplaints.Gateway;

/// <summary>
/// A bound on the requests the gateway has in progress with the services behind it (configuration section
/// <c>Load</c>). Past the platform's capacity a request that is let in only waits longer: a complaint accepted after
/// its caller gave up costs the same work as one accepted in time, so accepted complaints fall as load rises. With
/// the bound, at most <see cref="LoadSettings.MostInProgress"/> requests go on to the services, as many again wait
/// their turn oldest first, and the rest are answered at once with 503 and <c>Retry-After</c> (gRPC
/// <c>UNAVAILABLE</c>): nothing stored, safe to send again with the same <c>Idempotency-Key</c>. Rate limits per caller
/// (<see cref="GatewayRateLimits"/>) answer 429 to one caller asking too much; this answers 503 when everyone together
/// does.
/// </summary>
public static class GatewayLoadShedding
{
    /// <summary>Adds the limiter the settings describe.</summary>
    public static WebApplicationBuilder AddGatewayLoadShedding(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<LoadSettings>(builder.Configuration.GetSection(LoadSettings.SectionName));
        builder.Services.AddSingleton(provider =>
        {
            var settings = provider.GetRequiredService<IOptions<LoadSettings>>().Value;
            return new ConcurrencyLimiter(new ConcurrencyLimiterOptions
            {
                PermitLimit = settings.MostInProgress,
                QueueLimit = settings.MostWaiting,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            });
        });
        return builder;
    }

    /// <summary>Lets a proxied request on to its service while the bound allows, and answers 503 otherwise.</summary>
    public static async Task LimitAsync(HttpContext context, Func<Task> next)
    {
        var limiter = context.RequestServices.GetRequiredService<ConcurrencyLimiter>();
        using var lease = await limiter.AcquireAsync(1, context.RequestAborted);
        if (lease.IsAcquired)
        {
            await next();
            return;
        }
        var retryAfter = context.RequestServices.GetRequiredService<IOptions<LoadSettings>>().Value.RetryAfterSeconds;
        context.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (GrpcStatusResponse.IsGrpc(context.Request))
        {
            await GrpcStatusResponse.WriteAsync(context, Grpc.Core.StatusCode.Unavailable, "The platform is busy: nothing was stored; try again shortly.");
            return;
        }
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The platform is busy.",
                Detail = "Nothing was stored. Try again shortly with the same Idempotency-Key.",
            },
        });
    }
}

/// <summary>The bound on requests in progress (configuration section <c>Load</c>).</summary>
public sealed class LoadSettings
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Load";

    /// <summary>
    /// Requests the gateway has in progress with the services at once. About what the services behind one gateway
    /// complete in half a second at capacity (docs/benchmarks.md), so a request let in is answered in about a second
    /// even when the queue is full; raise it with the services' replicas.
    /// </summary>
    public int MostInProgress { get; set; } = 64;

    /// <summary>Requests that wait, oldest first, for one in progress to finish; beyond these the gateway answers 503.</summary>
    public int MostWaiting { get; set; } = 64;

    /// <summary>The <c>Retry-After</c> of a 503: short, as a burst passes in seconds.</summary>
    public int RetryAfterSeconds { get; set; } = 2;
}
