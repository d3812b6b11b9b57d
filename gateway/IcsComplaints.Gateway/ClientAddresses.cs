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
        // Read when the options are first used rather than now, so that every configuration source is seen: one
        // added after this line (a test host's, say) would otherwise leave the gateway trusting nobody it was told to.
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((options, configuration) =>
            Configure(options, configuration.GetSection(ClientAddressSettings.SectionName).Get<ClientAddressSettings>() ?? new ClientAddressSettings()))
            .ValidateOnStart();
        return builder;
    }

    /// <summary>Uses the real client address from here on.</summary>
    public static WebApplication UseClientAddresses(this WebApplication app)
    {
        app.UseForwardedHeaders();
        return app;
    }

    /// <summary>
    /// Trusts exactly the configured proxies: not even loopback, which the framework would trust by default. The
    /// addresses in <c>X-Forwarded-For</c> are walked from the right, each one added by the hop before, for as long as
    /// the hop is a trusted proxy: behind an ingress and the portal the client is found, and whatever a client wrote
    /// into the header itself stays to the left of the first address nobody trusts, unread.
    /// </summary>
    public static void Configure(ForwardedHeadersOptions options, ClientAddressSettings settings)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(settings);
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.ForwardLimit = null;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in settings.TrustedProxies)
        {
            options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                ? address
                : throw new InvalidOperationException($"Gateway:TrustedProxies: \"{proxy}\" is not an IP address."));
        }
        foreach (var network in settings.TrustedNetworks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"Gateway:TrustedNetworks: \"{network}\" is not a network in CIDR notation (10.0.0.0/8)."));
        }
        // The framework believes X-Forwarded-For from every peer when it knows of no proxy at all: with none
        // configured, the header is not read.
        if (options.KnownProxies.Count == 0 && options.KnownIPNetworks.Count == 0)
        {
            options.ForwardedHeaders = ForwardedHeaders.None;
        }
    }
}
