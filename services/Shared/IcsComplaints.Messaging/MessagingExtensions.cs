using IcsComplaints.Messaging.Inbox;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.ServiceDefaults;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IcsComplaints.Messaging;

/// <summary>The messaging policy of every service, in one place.</summary>
public static class MessagingExtensions
{
    /// <summary>
    /// Adds MassTransit over RabbitMQ with the project's transactional outbox (relay, maintenance, health, metrics)
    /// and inbox. Queues are quorum queues named <c>{serviceName}-{message}</c>; consumers retry with exponential
    /// backoff, are redelivered through the outbox, and end in <c>_error</c> queues.
    /// </summary>
    public static TBuilder AddServiceMessaging<TDbContext, TBuilder>(
        this TBuilder builder, string serviceName, Action<IBusRegistrationConfigurator>? configureConsumers = null)
        where TDbContext : DbContext
        where TBuilder : IHostApplicationBuilder
    {
        var services = builder.Services;
        services.AddOptions<MessagingOptions>()
            .Bind(builder.Configuration.GetSection(MessagingOptions.SectionName))
            .PostConfigure(o =>
            {
                o.ServiceName = string.IsNullOrWhiteSpace(o.ServiceName) ? serviceName : o.ServiceName;
                o.RedeliveryDelays = o.RedeliveryDelays.Length == 0 ? MessagingOptions.DefaultRedeliveryDelays : o.RedeliveryDelays;
            });
        services.AddSingleton<MessagingMetrics>();
        services.AddScoped<IOutbox, EfOutbox<TDbContext>>();
        services.AddScoped<InboxServices<TDbContext>>();
        services.AddHostedService<OutboxRelay<TDbContext>>();
        services.AddHostedService<MessagingMaintenance<TDbContext>>();
        services.AddHealthChecks()
            .AddCheck<OutboxHealthCheck>("outbox", tags: [ServiceDefaultsExtensions.ReadyTag])
            .AddCheck<BrokerReachableHealthCheck>("rabbitmq-reachable", tags: [ServiceDefaultsExtensions.ReadyTag]);
        services.AddSingleton<BrokerTopologyDeployment>();
        services.AddSingleton<IDeploymentStep>(sp => sp.GetRequiredService<BrokerTopologyDeployment>());

        services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, false));
            // MassTransit reports how it is used to its authors' servers by default; a service here calls only the
            // hosts its configuration names (docs/security.md). MASSTRANSIT_USAGE_TELEMETRY=true would be an
            // operator's explicit choice and still override this.
            bus.DisableUsageTelemetry();
            configureConsumers?.Invoke(bus);
            bus.AddConfigureEndpointsCallback((context, _, endpoint) =>
            {
                var options = context.GetRequiredService<IOptions<MessagingOptions>>().Value;
                endpoint.UseMessageRetry(retry => retry.Exponential(
                    options.ImmediateRetries, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(400)));
                // Nothing consumes Fault<T>, and publishing one would need a broker permission on an exchange of
                // every message type the service consumes: a failed message is kept in the _error queue instead.
                endpoint.PublishFaults = false;
                if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                {
                    rabbit.SetQuorumQueue();
                }
            });
            bus.UsingRabbitMq((context, rabbit) =>
            {
                var configuration = context.GetRequiredService<IConfiguration>();
                var connectionName = context.GetRequiredService<IOptions<MessagingOptions>>().Value.ConnectionName;
                var broker = BrokerAddress.Parse(DatabaseExtensions.RequiredConnectionString(configuration, connectionName));
                rabbit.Host(broker.Host, broker.Port, broker.VirtualHost, host =>
                {
                    host.Username(broker.Username);
                    host.Password(broker.Password);
                    host.PublisherConfirmation = true;
                    host.Heartbeat(TimeSpan.FromSeconds(10));
                });
                // Back within seconds of the broker, not MassTransit's 30 s (ADR 47).
                BrokerReconnection.RetrySooner(rabbit, context.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BrokerReconnection)));
                rabbit.DeployTopologyOnly = context.GetRequiredService<BrokerTopologyDeployment>().Deploying;
                rabbit.ConfigureEndpoints(context);
            });
            // A broker outage degrades readiness rather than failing it: the outbox keeps taking work meanwhile.
            bus.ConfigureHealthCheckOptions(health =>
            {
                health.Name = "rabbitmq";
                health.MinimalFailureStatus = HealthStatus.Degraded;
                health.Tags.Add(ServiceDefaultsExtensions.ReadyTag);
            });
        });
        services.Configure<MassTransitHostOptions>(host =>
        {
            // Start serving HTTP and gRPC even while the broker is away.
            host.WaitUntilStarted = false;
            host.StopTimeout = TimeSpan.FromSeconds(30);
        });
        return builder;
    }
}

/// <summary>An AMQP URI (<c>amqp://user:password@host:port/vhost</c>) taken apart.</summary>
/// <param name="Host">Host name.</param>
/// <param name="Port">Port.</param>
/// <param name="VirtualHost">Virtual host (<c>/</c> when the URI has none).</param>
/// <param name="Username">User name.</param>
/// <param name="Password">Password.</param>
public sealed record BrokerAddress(string Host, ushort Port, string VirtualHost, string Username, string Password)
{
    /// <summary>Parses an AMQP URI.</summary>
    public static BrokerAddress Parse(string uri)
    {
        var address = new Uri(uri);
        if (address.Scheme is not ("amqp" or "amqps"))
        {
            throw new InvalidOperationException("The RabbitMQ connection string must be an amqp:// URI.");
        }
        var credentials = address.UserInfo.Split(':', 2);
        var vhost = Uri.UnescapeDataString(address.AbsolutePath.TrimStart('/'));
        return new BrokerAddress(
            address.Host,
            (ushort)(address.IsDefaultPort ? 5672 : address.Port),
            vhost.Length == 0 ? "/" : vhost,
            Uri.UnescapeDataString(credentials[0]),
            credentials.Length > 1 ? Uri.UnescapeDataString(credentials[1]) : "");
    }
}

/// <summary>
/// Declares the service's queues, exchanges and bindings at deployment (the <c>migrate</c> command), so events
/// published before a consuming service first starts are already routed to its queues rather than dropped.
/// </summary>
public sealed class BrokerTopologyDeployment : IDeploymentStep
{
    /// <summary>True while the bus is being built only to deploy its topology.</summary>
    public bool Deploying { get; private set; }

    /// <inheritdoc />
    public string Name => "RabbitMQ queues and bindings";

    /// <inheritdoc />
    public async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        Deploying = true;
        await services.GetRequiredService<IBusControl>().DeployAsync(cancellationToken);
    }
}
