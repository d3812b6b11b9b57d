extern alias portal;

using IcsComplaints.TestKit;
using PortalProgram = portal::Program;

namespace IcsComplaints.Portal.Tests;

/// <summary>
/// The portal takes the person's address from <c>X-Forwarded-For</c> only when the gateway it is told to trust sent it
/// (the same rule as the gateway's, ADR 21), and a trusted proxy that is not an address stops it from starting.
/// </summary>
public sealed class TrustedProxyTests
{
    [Fact]
    public async Task A_trusted_proxy_that_is_not_an_address_stops_the_portal_from_starting_naming_the_setting()
    {
        using var portal = new ServiceHost<PortalProgram>(new Dictionary<string, string?>
        {
            ["Portal:Gateway"] = "http://127.0.0.1:9",
            ["Portal:Authority"] = "http://127.0.0.1:9",
            ["Portal:PublicAddress"] = "http://127.0.0.1:9",
            ["Portal:RequireHttps"] = "false",
            ["Portal:IcbOdsCode"] = "QKK",
            ["Portal:TrustedProxies:0"] = "gateway",
            ["Portal:TrustedNetworks:0"] = "10.0.0.0",
        });

        var (exitCode, output) = await portal.RunUntilExitAsync();

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Portal:TrustedProxies: \"gateway\" is not an IP address.", output, StringComparison.Ordinal);
    }
}
