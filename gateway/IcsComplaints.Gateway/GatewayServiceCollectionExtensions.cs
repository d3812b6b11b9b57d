namespace IcsComplaints.Gateway;

/// <summary>
/// The only public entry: REST and gRPC routes to the services (routes and clusters live in configuration,
/// section <c>ReverseProxy</c>), request size limits, security headers and correlation ids.
/// </summary>
public static class GatewayServiceCollectionExtensions
{
    /// <summary>Adds the reverse proxy from configuration.</summary>
    public static WebApplicationBuilder AddGatewayServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));
        return builder;
    }

    /// <summary>Adds the security headers and maps the proxy.</summary>
    public static WebApplication MapGateway(this WebApplication app)
    {
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
        app.MapReverseProxy();
        return app;
    }
}
