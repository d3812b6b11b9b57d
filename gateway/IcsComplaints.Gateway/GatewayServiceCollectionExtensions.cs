using IcsComplaints.ServiceDefaults;

namespace IcsComplaints.Gateway;

/// <summary>
/// The only public entry: REST and gRPC routes to the services (routes and clusters live in configuration,
/// section <c>ReverseProxy</c>), token validation on every route that is not public, rate limits (per client
/// address on the public routes, per signed-in subject on every other), request size limits, security headers and
/// correlation ids, and a bound on the requests in progress behind it. Tokens pass on to the services, which
/// validate them again and decide by role and organisation.
/// </summary>
public static class GatewayServiceCollectionExtensions
{
    /// <summary>Adds the reverse proxy from configuration, the rate limits and the bound on requests in progress.</summary>
    public static WebApplicationBuilder AddGatewayServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));
        builder.AddGatewayRateLimits();
        builder.AddGatewayLoadShedding();
        builder.AddClientAddresses("Gateway");
        return builder;
    }

    /// <summary>Adds the security headers and rate limiting, and maps the proxy.</summary>
    public static WebApplication MapGateway(this WebApplication app)
    {
        // First: every later step (rate limits above all) must see the real client, not the proxy in front.
        app.UseClientAddresses();
        app.UseMiddleware<RequestHeaderCheck>();
        app.Use(static (context, next) =>
        {
            // API answers can hold personal data: no shared or browser caches. (The other security headers are the
            // shared ones every service sends, set once as the response starts.)
            context.Response.Headers.CacheControl = "no-store";
            return next(context);
        });
        app.UseRateLimiter();
        app.MapApiReference();
        // What no service route claims must not fall through to the portal's catch-all route: each service's operator
        // endpoints (/admin/...) are for its own network only, and a gRPC method the gateway does not route is unknown
        // (a 404, which a gRPC client reads as UNIMPLEMENTED).
        app.Map("/admin/{**rest}", () => Results.NotFound()).AllowAnonymous();
        // The same for the services' (and the portal's) metrics, which are for Prometheus inside the cluster.
        app.Map(MetricsSettings.Path + "/{**rest}", () => Results.NotFound()).AllowAnonymous();
        app.Map("/ics.{service}/{**method}", () => Results.NotFound()).AllowAnonymous();
        app.MapReverseProxy(proxy =>
        {
            // After authorisation and rate limits (which refuse without costing a service anything), before the
            // steps of YARP's own pipeline, which this list then has to name.
            proxy.Use(GatewayLoadShedding.LimitAsync);
            proxy.UseSessionAffinity();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        });
        return app;
    }
}
