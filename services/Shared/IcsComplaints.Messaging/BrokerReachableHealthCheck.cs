using System.Net.Sockets;
using IcsComplaints.ServiceDefaults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace IcsComplaints.Messaging;

/// <summary>
/// Whether RabbitMQ accepts connections at all. MassTransit's own check follows receive endpoints only, so a
/// service that publishes but consumes nothing would look healthy throughout an outage without this one.
/// Reports Degraded, not Unhealthy: the outbox holds events until the broker is back.
/// </summary>
public sealed class BrokerReachableHealthCheck(IConfiguration configuration, IOptions<MessagingOptions> options) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var broker = BrokerAddress.Parse(DatabaseExtensions.RequiredConnectionString(configuration, options.Value.ConnectionName));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(broker.Host, broker.Port, timeout.Token);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            return HealthCheckResult.Degraded("RabbitMQ is unreachable; events wait in the outbox.");
        }
    }
}
