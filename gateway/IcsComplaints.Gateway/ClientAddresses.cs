using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace IcsComplaints.Gateway;

/// <summary>The proxies in front of the gateway whose <c>X-Forwarded-For</c> is believed (configuration section <c>Gateway</c>).</summary>
public sealed class ClientAddressSettings
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Gateway";

    /// <summary>Addresses of trusted proxies: the web portal, an ingress or load balancer.</summary>
    public string[] TrustedProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies, in CIDR notation (<c>10.0.0.0/8</c>).</summary>
    public string[] TrustedNetworks { get; set; } = [];
}

/// <summary>
/// Finds the real client address behind the proxies the deployment trusts, so that anonymous rate limits apply per
/// person and not per portal or ingress. <c>X-Forwarded-For</c> from anyone else is ignored: a caller cannot choose
/// their own bucket by sending the header.
/// </summary>
public static class ClientAddresses
{
    /// <summary>Registers the trusted proxies from configuration.</summary>
    public static WebApplicationBuilder AddClientAddresses(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(ClientAddressSettings.SectionName).Get<ClientAddressSettings>() ?? new ClientAddressSettings();
        builder.Services.Configure<ForwardedHeadersOptions>(options => Configure(options, settings));
        return builder;
    }

    /// <summary>Uses the real client address from here on.</summary>
    public static WebApplication UseClientAddresses(this WebApplication app)
    {
        app.UseForwardedHeaders();
        return app;
    }

    /// <summary>Trusts exactly the configured proxies: not even loopback, which the framework would trust by default.</summary>
    public static void Configure(ForwardedHeadersOptions options, ClientAddressSettings settings)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(settings);
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in settings.TrustedProxies)
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }
        foreach (var network in settings.TrustedNetworks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }
    }
}
