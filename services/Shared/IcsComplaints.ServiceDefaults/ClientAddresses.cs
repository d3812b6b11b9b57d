using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IcsComplaints.ServiceDefaults;

/// <summary>
/// The proxies in front of a web host whose <c>X-Forwarded-For</c> is believed, read from the host's own section
/// (<c>Gateway</c>: the portal and an ingress; <c>Portal</c>: the gateway).
/// </summary>
public sealed class ClientAddressSettings
{
    /// <summary>Addresses of trusted proxies.</summary>
    public string[] TrustedProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies, in CIDR notation (<c>10.0.0.0/8</c>).</summary>
    public string[] TrustedNetworks { get; set; } = [];
}

/// <summary>
/// Finds the real client address behind the proxies the deployment trusts, so that anonymous rate limits apply per
/// person and not per portal or ingress. <c>X-Forwarded-For</c> from anyone else is ignored: a caller cannot choose
/// their own bucket by sending the header (ADR 21). The gateway and the portal use it alike.
/// </summary>
public static class ClientAddresses
{
    /// <summary>Registers the trusted proxies from the configuration section <paramref name="section"/>.</summary>
    public static WebApplicationBuilder AddClientAddresses(this WebApplicationBuilder builder, string section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Read when the options are first used rather than now, so that every configuration source is seen: one
        // added after this line (a test host's, say) would otherwise leave the host trusting nobody it was told to.
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((options, configuration) =>
            Configure(options, configuration.GetSection(section).Get<ClientAddressSettings>() ?? new ClientAddressSettings(), section))
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
    /// into the header itself stays to the left of the first address nobody trusts, unread. A value that is not an
    /// address or a network stops the host from starting, naming the setting.
    /// </summary>
    public static void Configure(ForwardedHeadersOptions options, ClientAddressSettings settings, string section)
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
                : throw new InvalidOperationException($"{section}:TrustedProxies: \"{proxy}\" is not an IP address."));
        }
        foreach (var network in settings.TrustedNetworks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"{section}:TrustedNetworks: \"{network}\" is not a network in CIDR notation (10.0.0.0/8)."));
        }
        // The framework believes X-Forwarded-For from every peer when it knows of no proxy at all: with none
        // configured, the header is not read.
        if (options.KnownProxies.Count == 0 && options.KnownIPNetworks.Count == 0)
        {
            options.ForwardedHeaders = ForwardedHeaders.None;
        }
    }
}
