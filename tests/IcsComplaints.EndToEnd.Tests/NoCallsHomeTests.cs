using System.Net.Http.Json;
using System.Text.Json;
using IcsComplaints.TestKit;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IcsComplaints.EndToEnd.Tests;

/// <summary>
/// A service makes no outbound call that nobody configured: it reaches only the hosts its settings name (PostgreSQL,
/// RabbitMQ, the identity service and the other services, all on loopback here), and no library it uses reports home.
/// </summary>
public sealed class NoCallsHomeTests(IcsSystem system)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public void EveryServiceBus_HasMassTransitUsageTelemetryTurnedOff()
    {
        // MassTransit would send its report five minutes after the bus starts, later than a test can wait for.
        var buses = system.ServiceHosts().Where(host => host.Services.GetService<IBus>() is not null).ToList();

        Assert.Equal(["intake", "case", "advocacy-referral", "learning", "reporting"], buses.Select(host => host.Name));
        Assert.All(buses, host => Assert.False(
            host.Services.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value.Enabled, $"{host.Name} would report its use of MassTransit"));
    }

    [Fact]
    public async Task AComplaintThroughEveryService_CallsOnlyTheHostsTheirSettingsName()
    {
        using var handler = system.GatewayHttp(await system.TokenAsync("handler.rj1"));
        using var submitted = await handler.PostAsJsonAsync(new Uri("/api/v1/complaints", UriKind.Relative), new
        {
            organisationCode = "RJ1", channel = "Phone", complainant = new { name = "Outbound Person" }, description = "A complaint that travels through every service.",
        });
        submitted.EnsureSuccessStatusCode();
        var complaintId = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await Eventually.TrueAsync(
            () => system.InReportingDb(db => db.Cases.AnyAsync(c => c.ComplaintId == complaintId)), Patience, "the complaint's case reaches reporting");

        var configured = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "localhost", "127.0.0.1", "::1",
            new Npgsql.NpgsqlConnectionStringBuilder(system.Infrastructure.PostgresAdmin).Host!,
            system.Infrastructure.RabbitMq.Host,
        };
        var seen = system.OutboundCalls.Hosts;

        Assert.NotEmpty(seen);
        Assert.All(seen.Keys, host => Assert.Contains(host, configured));
    }
}
