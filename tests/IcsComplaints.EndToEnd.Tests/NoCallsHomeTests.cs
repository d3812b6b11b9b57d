using System.Net.Http.Json;
using System.Text.Json;
using IcsComplaints.TestKit;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.EndToEnd.Tests;

/// <summary>
/// A service makes no outbound call that nobody configured: it reaches only the hosts its settings name (PostgreSQL,
/// RabbitMQ, the identity service and the other services, all on loopback here), and no library it uses reports home.
/// Correspondence and the portal, which this system does not run, are checked in the portal's tests, whose system runs
/// every service.
/// </summary>
public sealed class NoCallsHomeTests(IcsSystem system)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public void EveryServiceBus_HasMassTransitUsageTelemetryTurnedOff()
    {
        var buses = NoCallsHome.AssertUsageTelemetryOff(system.ServiceHosts().Select(host => (host.Name, host.Services)));

        Assert.Equal(["intake", "case", "advocacy-referral", "learning", "reporting"], buses);
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

        NoCallsHome.AssertOnlyConfiguredHostsCalled(system.OutboundCalls, NoCallsHome.ConfiguredHosts(system.Infrastructure));
    }
}
