using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace IcsComplaints.ServiceDefaults;

/// <summary>Security headers (configuration section <c>SecurityHeaders</c>).</summary>
public sealed class SecurityHeaderSettings
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "SecurityHeaders";

    /// <summary>
    /// Send <c>Strict-Transport-Security</c> on every response, for a deployment whose TLS ends in front of this
    /// process (an ingress); it is always sent on a request that arrived over HTTPS.
    /// </summary>
    public bool AlwaysSendHsts { get; set; }

    /// <summary>How long browsers keep to HTTPS.</summary>
    public TimeSpan HstsMaxAge { get; set; } = TimeSpan.FromDays(365);
}

/// <summary>
/// The same security headers on every response of every service and of the gateway, each exactly once: set as the
/// response starts, so that whatever a handler or an upstream service added is replaced, not repeated. A page that
/// needs more than the default Content-Security-Policy (a letter's own stylesheet, the sign-in page's) sets its own,
/// which is kept.
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next, IOptions<SecurityHeaderSettings> settings)
{
    /// <summary>
    /// Nothing may be loaded, framed or posted elsewhere: the APIs answer JSON, and an HTML page without its own policy
    /// has no need of any resource.
    /// </summary>
    public const string DefaultContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var (context, settings) = ((HttpContext, SecurityHeaderSettings))state;
            var headers = context.Response.Headers;
            headers.Remove("Server");
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            if (headers.ContentSecurityPolicy.Count != 1)
            {
                headers.ContentSecurityPolicy = DefaultContentSecurityPolicy;
            }
            if (context.Request.IsHttps || settings.AlwaysSendHsts)
            {
                headers.StrictTransportSecurity = $"max-age={(long)settings.HstsMaxAge.TotalSeconds}; includeSubDomains";
            }
            return Task.CompletedTask;
        }, (context, settings.Value));
        return next(context);
    }
}
