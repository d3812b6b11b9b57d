using System.Net;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IcsComplaints.TestKit;

/// <summary>
/// The checks that the services of a test system make no outbound call that nobody configured, shared by every
/// system that can host them: no MassTransit bus reports its use home, and every host the process looked up,
/// requested or connected to (<see cref="OutboundCalls"/>) is one the settings name.
/// </summary>
public static class NoCallsHome
{
    /// <summary>
    /// The hosts the test systems configure: loopback, where every service, the gateway, the portal and the mail
    /// catcher listen, and the servers of <paramref name="infrastructure"/> and the test clamd.
    /// </summary>
    public static IReadOnlyList<string> ConfiguredHosts(TestInfrastructure infrastructure)
    {
        ArgumentNullException.ThrowIfNull(infrastructure);
        return
        [
            "localhost", "127.0.0.1", "::1",
            new Npgsql.NpgsqlConnectionStringBuilder(infrastructure.PostgresAdmin).Host!,
            infrastructure.RabbitMq.Host,
            TestClamd.Host,
        ];
    }

    /// <summary>
    /// Fails for any of <paramref name="hosts"/> whose MassTransit bus would report its use of MassTransit; returns the
    /// names of the hosts that have a bus.
    /// </summary>
    /// <remarks>MassTransit would send its report five minutes after the bus starts, later than a test can wait for.</remarks>
    public static IReadOnlyList<string> AssertUsageTelemetryOff(IEnumerable<(string Name, IServiceProvider Services)> hosts)
    {
        var buses = hosts.Where(host => host.Services.GetService<IBus>() is not null).ToList();
        Assert.All(buses, host => Assert.False(
            host.Services.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value.Enabled, $"{host.Name} would report its use of MassTransit"));
        return [.. buses.Select(host => host.Name)];
    }

    /// <summary>
    /// Fails naming every host <paramref name="calls"/> saw that is neither one of <paramref name="configured"/> nor
    /// an address one of them resolves to (a connection is seen by the address it went to).
    /// </summary>
    public static void AssertOnlyConfiguredHostsCalled(OutboundCalls calls, IEnumerable<string> configured)
    {
        ArgumentNullException.ThrowIfNull(calls);
        ArgumentNullException.ThrowIfNull(configured);
        var allowed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var host in configured)
        {
            allowed.Add(host);
            if (!IPAddress.TryParse(host, out _))
            {
                allowed.UnionWith(Dns.GetHostAddresses(host).Select(OutboundCalls.Normalised));
            }
        }
        var seen = calls.Hosts;
        Assert.NotEmpty(seen);
        var unconfigured = seen.Keys.Where(host => !allowed.Contains(host)).Order(StringComparer.Ordinal).ToList();
        Assert.True(unconfigured.Count == 0, $"called hosts nobody configured: {string.Join(", ", unconfigured)} (configured: {string.Join(", ", allowed.Order(StringComparer.Ordinal))})");
    }
}
