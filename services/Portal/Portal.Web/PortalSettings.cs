namespace IcsComplaints.Portal.Web;

/// <summary>Settings of the portal (configuration section <c>Portal</c>).</summary>
public sealed class PortalSettings
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Portal";

    /// <summary>
    /// Where the portal calls the APIs: the gateway's address inside the deployment. Calls carry the signed-in user's
    /// own token, or none, never an identity of the portal's (ADR 22).
    /// </summary>
    public string Gateway { get; set; } = "";

    /// <summary>
    /// The OpenID Connect provider staff and complainants sign in with: the platform's identity service on its public
    /// address (the gateway) by default, or another provider (ADR 22, README "Signing in").
    /// </summary>
    public string Authority { get; set; } = "";

    /// <summary>
    /// The portal's own address as people reach it (the gateway's public URL): the provider sends browsers back here,
    /// never to the host and port a request happened to reach the portal on.
    /// </summary>
    public string PublicAddress { get; set; } = "";

    /// <summary>Where to read the provider's discovery document when not at the authority itself (an internal address).</summary>
    public string? MetadataAddress { get; set; }

    /// <summary>The portal's client at the provider.</summary>
    public string ClientId { get; set; } = "ics-web";

    /// <summary>ODS code of the ICB that runs this portal: where a complaint goes when the person does not know where to send it.</summary>
    public string IcbOdsCode { get; set; } = "";

    /// <summary>Send cookies only over HTTPS and refuse a plain-HTTP provider (keep on, except on a developer's loopback).</summary>
    public bool RequireHttps { get; set; } = true;

    /// <summary>A signed-in session ends after this long without a request.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>How long before the idle timeout the page warns, when JavaScript runs.</summary>
    public TimeSpan IdleWarning { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed: the gateway (read by <c>ClientAddresses</c>).</summary>
    public string[] TrustedProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies, in CIDR notation (read by <c>ClientAddresses</c>).</summary>
    public string[] TrustedNetworks { get; set; } = [];

    /// <summary>Directory that keeps the keys protecting cookies, shared by every replica (a mounted volume); none keeps them in memory.</summary>
    public string? KeysPath { get; set; }
}
