using System.Reflection;
using MassTransit;
using MassTransit.RetryPolicies;
using Microsoft.Extensions.Logging;

namespace IcsComplaints.Messaging;

/// <summary>
/// How soon a service reconnects to RabbitMQ once it is back (ADR 47). MassTransit 8's RabbitMQ transport retries a
/// lost connection at <c>Exponential(1000, 3 s, 30 s, 3 s)</c>, for every receive endpoint and for publishing, with no
/// setting to change it: after an outage of half a minute each endpoint tries once every 30 s, so a broker that is back
/// stays unused for up to 30 s more, and the backlog the outbox held waits that long. This keeps MassTransit's own
/// choice of which failures are retried (its exception filter) and only retries sooner: 1 s, rising to 3 s.
/// </summary>
public static partial class BrokerReconnection
{
    /// <summary>Longest wait between attempts to reconnect while the broker is away.</summary>
    public static readonly TimeSpan LongestInterval = TimeSpan.FromSeconds(3);

    private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.NonPublic;

    /// <summary>
    /// Replaces the transport's reconnect policy on <paramref name="configurator"/> before the bus is built. Returns
    /// false, leaving MassTransit's policy, when this MassTransit is not shaped as expected (a later version): the
    /// test of this method fails first, in CI.
    /// </summary>
    public static bool RetrySooner(IRabbitMqBusFactoryConfigurator configurator)
    {
        ArgumentNullException.ThrowIfNull(configurator);
        // The host configuration holds the policy in a getter-only auto-property, read when each endpoint starts.
        var host = configurator.GetType().GetField("_hostConfiguration", Instance)?.GetValue(configurator);
        var policyField = host?.GetType().GetField("<ReceiveTransportRetryPolicy>k__BackingField", Instance);
        if (policyField?.GetValue(host) is not ExponentialRetryPolicy current
            || typeof(ExponentialRetryPolicy).GetField("_filter", Instance)?.GetValue(current) is not IExceptionFilter filter)
        {
            return false;
        }
        policyField.SetValue(host, new ExponentialRetryPolicy(filter, current.RetryLimit, TimeSpan.FromSeconds(1), LongestInterval, TimeSpan.FromSeconds(1)));
        return true;
    }

    /// <summary>Applies <see cref="RetrySooner(IRabbitMqBusFactoryConfigurator)"/>, and says so in the log when this MassTransit does not allow it.</summary>
    public static void RetrySooner(IRabbitMqBusFactoryConfigurator configurator, ILogger logger)
    {
        if (!RetrySooner(configurator))
        {
            LogKeptMassTransitPolicy(logger);
        }
    }

    /// <summary>The reconnect policy the transport will use, for the test of <see cref="RetrySooner(IRabbitMqBusFactoryConfigurator)"/>.</summary>
    public static IRetryPolicy? CurrentPolicy(IRabbitMqBusFactoryConfigurator configurator)
    {
        ArgumentNullException.ThrowIfNull(configurator);
        var host = configurator.GetType().GetField("_hostConfiguration", Instance)?.GetValue(configurator);
        return host?.GetType().GetField("<ReceiveTransportRetryPolicy>k__BackingField", Instance)?.GetValue(host) as IRetryPolicy;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "MassTransit's RabbitMQ reconnect policy could not be shortened; after a broker outage reconnecting may take up to 30 s")]
    private static partial void LogKeptMassTransitPolicy(ILogger logger);
}
