using System.Security.Claims;
using System.Threading.RateLimiting;
using IcsComplaints.ServiceDefaults.GrpcProtocol;
using IcsComplaints.Platform.Security;
using Microsoft.Extensions.Options;

namespace IcsComplaints.Gateway;

/// <summary>
/// Rate limits, the same on REST and gRPC: every signed-in caller per subject on every route, and the public routes
/// (sign-in, submission, progress, reference data) per client address as well. A caller over the limit gets 429 with
/// <c>Retry-After</c>, or <c>RESOURCE_EXHAUSTED</c> over gRPC.
/// </summary>
public static class GatewayRateLimits
{
    /// <summary>Rate limit policy of the public complaint submission route.</summary>
    public const string PublicSubmissionPolicy = "public-submission";

    /// <summary>Rate limit policy of the public progress route.</summary>
    public const string PublicStatusPolicy = "public-status";

    /// <summary>Rate limit policy of public reference data (the organisation directory).</summary>
    public const string PublicReadPolicy = "public-read";

    /// <summary>Rate limit policy of the sign-in and token routes.</summary>
    public const string SignInPolicy = "sign-in";

    /// <summary>Adds the limits from configuration (section <c>RateLimits</c>).</summary>
    public static WebApplicationBuilder AddGatewayRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<RateLimitSettings>(builder.Configuration.GetSection(RateLimitSettings.SectionName));
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                if (GrpcStatusResponse.IsGrpc(context.HttpContext.Request))
                {
                    await GrpcStatusResponse.WriteAsync(context.HttpContext, Grpc.Core.StatusCode.ResourceExhausted, "Too many requests: try again in a minute.");
                }
            };
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(PerSubject);
            limiter.AddPolicy(PublicSubmissionPolicy, context => PerClient(context, s => s.PublicSubmission));
            limiter.AddPolicy(PublicStatusPolicy, context => PerClient(context, s => s.PublicStatus));
            limiter.AddPolicy(SignInPolicy, context => PerClient(context, s => s.SignIn));
            limiter.AddPolicy(PublicReadPolicy, context => PerClient(context, s => s.PublicRead));
        });
        return builder;
    }

    // Every request of a signed-in caller counts against their subject, whichever route and protocol.
    private static RateLimitPartition<string> PerSubject(HttpContext context)
    {
        var subject = context.User.FindFirstValue(IcsClaims.Subject);
        if (subject is null)
        {
            return RateLimitPartition.GetNoLimiter("anonymous");
        }
        var limit = context.RequestServices.GetRequiredService<IOptions<RateLimitSettings>>().Value.PerSubject;
        return FixedWindow("sub:" + subject, limit);
    }

    // Anonymous callers are limited per client address; signed-in callers per subject, with a higher allowance
    // (a trust's PALS system or a complaints team records many complaints from one address).
    private static RateLimitPartition<string> PerClient(HttpContext context, Func<RateLimitSettings, RateLimit> select)
    {
        var settings = context.RequestServices.GetRequiredService<IOptions<RateLimitSettings>>().Value;
        var subject = context.User.FindFirstValue(IcsClaims.Subject);
        var limit = subject is null ? select(settings) : settings.Authenticated;
        var key = subject is null ? "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown") : "sub:" + subject;
        return FixedWindow(key, limit);
    }

    private static RateLimitPartition<string> FixedWindow(string key, RateLimit limit) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            Window = limit.Window,
            QueueLimit = 0,
        });
}

/// <summary>Rate limits (configuration section <c>RateLimits</c>).</summary>
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

    /// <summary>Requests on the public routes per signed-in subject.</summary>
    public RateLimit Authenticated { get; set; } = new() { PermitLimit = 600, Window = TimeSpan.FromMinutes(1) };

    /// <summary>
    /// Requests on every route per signed-in subject: generous for a person clicking through the portal or an
    /// integrating system importing a morning's work, low enough to stop one token being used to flood the platform.
    /// </summary>
    public RateLimit PerSubject { get; set; } = new() { PermitLimit = 1_200, Window = TimeSpan.FromMinutes(1) };
}

/// <summary>A fixed-window limit.</summary>
public sealed class RateLimit
{
    /// <summary>Requests allowed per window.</summary>
    public int PermitLimit { get; set; }

    /// <summary>Window length.</summary>
    public TimeSpan Window { get; set; }
}
