using System.Security.Claims;
using System.Threading.RateLimiting;
using IcsComplaints.ServiceDefaults.Security;
using Microsoft.Extensions.Options;

namespace IcsComplaints.Gateway;

/// <summary>
/// The only public entry: REST and gRPC routes to the services (routes and clusters live in configuration,
/// section <c>ReverseProxy</c>), token validation on every route that is not public, rate limits on the public
/// ones, request size limits, security headers and correlation ids. Tokens pass on to the services, which
/// validate them again and decide by role and organisation.
/// </summary>
public static class GatewayServiceCollectionExtensions
{
    /// <summary>Rate limit policy of the public complaint submission route.</summary>
    public const string PublicSubmissionPolicy = "public-submission";

    /// <summary>Rate limit policy of the public progress route.</summary>
    public const string PublicStatusPolicy = "public-status";

    /// <summary>Rate limit policy of public reference data (the organisation directory).</summary>
    public const string PublicReadPolicy = "public-read";

    /// <summary>Rate limit policy of the sign-in and token routes.</summary>
    public const string SignInPolicy = "sign-in";

    /// <summary>Adds the reverse proxy from configuration and the rate limits.</summary>
    public static WebApplicationBuilder AddGatewayServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));
        builder.Services.Configure<RateLimitSettings>(builder.Configuration.GetSection(RateLimitSettings.SectionName));
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return ValueTask.CompletedTask;
            };
            limiter.AddPolicy(PublicSubmissionPolicy, context => PerClient(context, s => s.PublicSubmission));
            limiter.AddPolicy(PublicStatusPolicy, context => PerClient(context, s => s.PublicStatus));
            limiter.AddPolicy(SignInPolicy, context => PerClient(context, s => s.SignIn));
            limiter.AddPolicy(PublicReadPolicy, context => PerClient(context, s => s.PublicRead));
        });
        return builder;
    }

    /// <summary>Adds the security headers and rate limiting, and maps the proxy.</summary>
    public static WebApplication MapGateway(this WebApplication app)
    {
        app.UseMiddleware<RequestHeaderCheck>();
        app.Use(static (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            // API answers can hold personal data: no shared or browser caches.
            headers.CacheControl = "no-store";
            return next(context);
        });
        app.UseRateLimiter();
        app.MapReverseProxy();
        return app;
    }

    // Anonymous callers are limited per client address; signed-in callers per subject, with a higher allowance
    // (a trust's PALS system or a complaints team records many complaints from one address).
    private static RateLimitPartition<string> PerClient(HttpContext context, Func<RateLimitSettings, RateLimit> select)
    {
        var settings = context.RequestServices.GetRequiredService<IOptions<RateLimitSettings>>().Value;
        var subject = context.User.FindFirstValue(IcsClaims.Subject);
        var limit = subject is null ? select(settings) : settings.Authenticated;
        var key = subject is null ? "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown") : "sub:" + subject;
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            Window = limit.Window,
            QueueLimit = 0,
        });
    }
}

/// <summary>Rate limits of the public routes (configuration section <c>RateLimits</c>).</summary>
public sealed class RateLimitSettings
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "RateLimits";

    /// <summary>Anonymous complaint submissions per client address.</summary>
    public RateLimit PublicSubmission { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Anonymous progress checks per client address.</summary>
    public RateLimit PublicStatus { get; set; } = new() { PermitLimit = 60, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Anonymous reads of reference data per client address.</summary>
    public RateLimit PublicRead { get; set; } = new() { PermitLimit = 300, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Sign-in and token requests per client address.</summary>
    public RateLimit SignIn { get; set; } = new() { PermitLimit = 60, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Requests on those routes per signed-in subject.</summary>
    public RateLimit Authenticated { get; set; } = new() { PermitLimit = 600, Window = TimeSpan.FromMinutes(1) };
}

/// <summary>A fixed-window limit.</summary>
public sealed class RateLimit
{
    /// <summary>Requests allowed per window.</summary>
    public int PermitLimit { get; set; }

    /// <summary>Window length.</summary>
    public TimeSpan Window { get; set; }
}
