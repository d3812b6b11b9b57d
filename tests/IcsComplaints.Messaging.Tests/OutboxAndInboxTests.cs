using System.Net.Http.Json;
using System.Text.Json;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.TestKit;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IcsComplaints.Messaging.Tests;

/// <summary>The transactional outbox and inbox over real PostgreSQL and RabbitMQ.</summary>
public sealed class OutboxAndInboxTests(TestInfrastructure infrastructure) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private TestDatabase _database = null!;
    private TestVirtualHost _vhost = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await infrastructure.CreateDatabaseAsync("msg");
        _vhost = await infrastructure.CreateVirtualHostAsync("msg");
        await MessagingTestHost.CreateSchemaAsync(_database.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        await _vhost.DisposeAsync();
        await _database.DisposeAsync();
    }

    private Task<MessagingTestHost> StartAsync(bool consume = true, Action<IServiceCollection>? services = null, Uri? broker = null) =>
        MessagingTestHost.StartAsync(_database.ConnectionString, broker ?? _vhost.AmqpUri, consume, services);

    private static Task<int> ReceivedCountAsync(MessagingTestHost host) => host.QueryAsync(db => db.Received.CountAsync());

    private static Task<int> OutboxCountAsync(MessagingTestHost host) => host.QueryAsync(db => db.Set<OutboxMessage>().CountAsync());

    [Fact]
    public async Task CommittedEvents_ArePublished_Consumed_AndTheirOutboxRowsDeleted()
    {
        await using var host = await StartAsync();

        var ids = await host.CreateWidgetsAsync(50);

        await Eventually.TrueAsync(async () => await ReceivedCountAsync(host) == 50, Patience, "all 50 widgets are received");
        await Eventually.TrueAsync(async () => await OutboxCountAsync(host) == 0, Patience, "the sent rows are deleted");
        Assert.Equal(ids.Order(), (await host.QueryAsync(db => db.Received.Select(r => r.WidgetId).ToListAsync())).Order());
    }

    [Fact]
    public async Task EventsOfARolledBackTransaction_AreNeverPublished()
    {
        await using var host = await StartAsync();
        var rolledBack = Guid.NewGuid();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MessagingTestDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Widgets.Add(new Widget { Id = rolledBack });
            scope.ServiceProvider.GetRequiredService<IOutbox>().Publish(new WidgetCreated(rolledBack));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        // A later committed event arrives; the relay publishes in insertion order, so the rolled-back one
        // would have arrived first had it existed.
        var sentinel = (await host.CreateWidgetsAsync(1))[0];

        await Eventually.TrueAsync(async () => await ReceivedCountAsync(host) == 1, Patience, "the committed event arrives");
        Assert.Equal(sentinel, await host.QueryAsync(db => db.Received.Select(r => r.WidgetId).SingleAsync()));
    }

    [Fact]
    public async Task TheSameMessageDeliveredTwice_HasOneEffect()
    {
        await using var host = await StartAsync();
        var bus = host.Services.GetRequiredService<IBus>();
        var message = new WidgetCreated(Guid.NewGuid());
        var messageId = Guid.NewGuid();

        await bus.Publish(message, ctx => ctx.MessageId = messageId);
        await bus.Publish(message, ctx => ctx.MessageId = messageId);

        await Eventually.TrueAsync(() => Task.FromResult(host.Log.Delivered.Count(id => id == messageId) == 2), Patience, "both deliveries are consumed");
        Assert.Equal(1, await ReceivedCountAsync(host));
        Assert.Equal(1, await host.QueryAsync(db => db.Set<InboxMessage>().CountAsync(m => m.MessageId == messageId)));
    }

    [Fact]
    public async Task ARelayCrashBetweenPublishAndCommit_RepublishesWithTheSameMessageId_AndTheInboxDropsTheRepeat()
    {
        var crash = new CrashOnceAfterPublish();
        await using var host = await StartAsync(services: s => s.AddSingleton<IOutboxRelayObserver>(crash));

        var ids = await host.CreateWidgetsAsync(20);

        await Eventually.TrueAsync(async () => await OutboxCountAsync(host) == 0, Patience, "the outbox drains after the crash");
        await Eventually.TrueAsync(() => Task.FromResult(host.Log.Delivered.Count >= 40), Patience, "every message is delivered twice");
        Assert.True(crash.Crashed);
        Assert.Equal(20, await ReceivedCountAsync(host));
        var deliveries = host.Log.Delivered.GroupBy(id => id).ToList();
        Assert.Equal(20, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal(2, d.Count()));
        Assert.All(ids, id => Assert.Equal(1, host.Log.AttemptsFor(id)));
    }

    [Fact]
    public async Task EventsWrittenWhileTheBrokerIsDown_AllArriveOnceItIsBack()
    {
        await using var proxy = new TcpProxy(_vhost.AmqpUri.Host, _vhost.AmqpUri.Port);
        var viaProxy = new UriBuilder(_vhost.AmqpUri) { Port = proxy.Port }.Uri;
        await using var producer = await StartAsync(consume: false, broker: viaProxy);
        // The consumer shares the producer's database in this test: only the producer may relay.
        await using var consumer = await StartAsync(consume: true, services: s => s.Configure<MessagingOptions>(o => o.Relay.Enabled = false));
        await producer.CreateWidgetsAsync(1);
        await Eventually.TrueAsync(async () => await ReceivedCountAsync(consumer) == 1, Patience, "the broker path works before the outage");

        proxy.Cut();
        await producer.CreateWidgetsAsync(100);
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);

        Assert.Equal(100, await OutboxCountAsync(producer));
        Assert.Equal(1, await ReceivedCountAsync(consumer));

        proxy.Restore();
        await Eventually.TrueAsync(async () => await ReceivedCountAsync(consumer) == 101, TimeSpan.FromSeconds(60), "all 100 events arrive after the outage");
        await Eventually.TrueAsync(async () => await OutboxCountAsync(producer) == 0, Patience, "the outbox is empty");
        Assert.Equal(0, await producer.QueryAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.Attempts > 0)));
    }

    [Fact]
    public async Task AnUnreadableRow_IsParkedAfterMaxAttempts_WithoutHoldingUpTheRest()
    {
        await using var host = await StartAsync();
        var poison = Guid.NewGuid();
        await host.QueryAsync(db => db.Database.ExecuteSqlAsync(
            $"INSERT INTO msgtest.outbox_messages (message_id, message_type, payload, headers, attempts) VALUES ({poison}, 'No.Such.Type, Nowhere', '{{}}', '{{}}', 0)"));

        var good = await host.CreateWidgetsAsync(5);

        await Eventually.TrueAsync(async () => await ReceivedCountAsync(host) == 5, Patience, "good rows flow past the broken one");
        await Eventually.TrueAsync(
            async () => await host.QueryAsync(db => db.Set<OutboxMessage>().AnyAsync(m => m.MessageId == poison && m.ParkedAt != null)),
            Patience, "the broken row is parked");
        var parked = await host.QueryAsync(db => db.Set<OutboxMessage>().SingleAsync(m => m.MessageId == poison));
        Assert.Equal(3, parked.Attempts);
        Assert.Contains("not known to this build", parked.LastError, StringComparison.Ordinal);
        Assert.Equal(5, good.Count);
    }

    [Fact]
    public async Task TwoRelaysOnOneOutbox_PublishEveryRowExactlyOnce()
    {
        await using var relayA = await StartAsync(consume: false);
        await using var relayB = await StartAsync(consume: false);
        await using var consumer = await StartAsync(consume: true, services: s => s.Configure<MessagingOptions>(o => o.Relay.Enabled = false));

        for (var i = 0; i < 10; i++)
        {
            await relayA.CreateWidgetsAsync(50);
        }

        await Eventually.TrueAsync(async () => await ReceivedCountAsync(consumer) == 500, Patience, "all 500 are received");
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        Assert.Equal(500, consumer.Log.Delivered.Count);
        Assert.Equal(500, consumer.Log.Delivered.Distinct().Count());
    }

    [Fact]
    public async Task AFailingConsumer_IsRetried_AndSucceedsWithOneEffect()
    {
        await using var host = await StartAsync();

        var id = (await host.CreateWidgetsAsync(1, failTimes: 1))[0];

        await Eventually.TrueAsync(async () => await ReceivedCountAsync(host) == 1, Patience, "the retry succeeds");
        Assert.Equal(2, host.Log.AttemptsFor(id));
    }

    [Fact]
    public async Task AConsumerThatKeepsFailing_IsRedeliveredThroughTheOutbox_ThenMovedToTheErrorQueue()
    {
        await using var host = await StartAsync();

        // One immediate retry per delivery, two redeliveries: six attempts in all, then the _error queue.
        var id = (await host.CreateWidgetsAsync(1, failTimes: int.MaxValue))[0];

        await Eventually.TrueAsync(async () => await ErrorQueueDepthAsync("msgtest-widget-created_error") == 1, Patience, "the message reaches the error queue");
        Assert.Equal(6, host.Log.AttemptsFor(id));
        Assert.Equal(0, await ReceivedCountAsync(host));
    }

    [Fact]
    public async Task WithAUserLimitedToItsOwnQueuesAndEvents_AMessageThatKeepsFailing_StillReachesTheErrorQueue()
    {
        // What a deployment gives a service (ADR 17): its own queues, its own events' exchange, nothing else; in
        // particular no exchange of MassTransit's Fault<T> messages.
        await using var user = await infrastructure.CreateBrokerUserAsync(_vhost, "msgtest", new BrokerPermission(
            Configure: @"^(msgtest-.*|IcsComplaints\.Messaging\.Tests:WidgetCreated)$",
            Write: @"^(msgtest-.*|IcsComplaints\.Messaging\.Tests:WidgetCreated)$",
            Read: @"^(msgtest-.*|IcsComplaints\.Messaging\.Tests:WidgetCreated)$"));
        await using var host = await StartAsync(broker: user.AmqpUri);

        var ok = (await host.CreateWidgetsAsync(1))[0];
        var failing = (await host.CreateWidgetsAsync(1, failTimes: int.MaxValue))[0];

        await Eventually.TrueAsync(async () => await ErrorQueueDepthAsync("msgtest-widget-created_error") == 1, Patience, "the failing message reaches the error queue");
        Assert.Equal(6, host.Log.AttemptsFor(failing));
        Assert.Equal([ok], await host.QueryAsync(db => db.Received.Select(r => r.WidgetId).ToListAsync()));
    }

    private async Task<int> ErrorQueueDepthAsync(string queue)
    {
        using var client = infrastructure.ManagementClient();
        using var response = await client.GetAsync(new Uri($"api/queues/{_vhost.Name}/{queue}", UriKind.Relative));
        if (!response.IsSuccessStatusCode)
        {
            return -1;
        }
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.TryGetProperty("messages", out var messages) ? messages.GetInt32() : -1;
    }

    private sealed class CrashOnceAfterPublish : IOutboxRelayObserver
    {
        public bool Crashed { get; private set; }

        public Task PublishedAsync(IReadOnlyList<Guid> messageIds, CancellationToken cancellationToken)
        {
            if (!Crashed && messageIds.Count > 0)
            {
                Crashed = true;
                throw new InvalidOperationException("Simulated crash after the broker confirmed and before the outbox commit.");
            }
            return Task.CompletedTask;
        }
    }
}
