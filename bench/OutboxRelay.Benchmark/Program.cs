// Outbox relay throughput on real PostgreSQL and RabbitMQ (./ics bench relay).
//
// 1. Drain: N events are committed to the outbox with the relay off; the relay is started and timed until the
//    outbox is empty, every event published with publisher confirms and routed to a quorum queue that a
//    consumer in the same process drains meanwhile.
// 2. Sustained: a producer commits events at a fixed rate (10 per transaction) for a while with the relay on;
//    the backlog is sampled every 100 ms. The relay keeps up when the backlog stays bounded and drains soon
//    after the producer stops.
// Everything shares the machine's cores with PostgreSQL and RabbitMQ, as it would on a small node.
using System.Diagnostics;
using System.Globalization;
using IcsComplaints.Bench.OutboxRelay;
using IcsComplaints.Messaging;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.ServiceDefaults;
using IcsComplaints.TestKit;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var drainEvents = Argument(args, "--events", 20_000);
var rate = Argument(args, "--rate", 1_500);
var seconds = Argument(args, "--seconds", 30);

var infrastructure = new TestInfrastructure();
await infrastructure.InitializeAsync();
Console.WriteLine($"# Outbox relay benchmark ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, infrastructure: {infrastructure.Source})");
Console.WriteLine();

await using (var database = await infrastructure.CreateDatabaseAsync("bench"))
await using (var vhost = await infrastructure.CreateVirtualHostAsync("bench"))
{
    await BenchDbContext.CreateSchemaAsync(database.ConnectionString);
    using var host = await BenchHost.StartAsync(database.ConnectionString, vhost.AmqpUri, relay: false);
    var counter = host.Services.GetRequiredService<DeliveryCounter>();

    await Produce(host.Services, drainEvents, perTransaction: 100);
    var relayHost = await BenchHost.StartAsync(database.ConnectionString, vhost.AmqpUri, relay: true, consume: false);
    var clock = Stopwatch.StartNew();
    await WaitUntil(async () => await Pending(host.Services) == 0, TimeSpan.FromMinutes(5));
    var drained = clock.Elapsed;
    await WaitUntil(() => Task.FromResult(counter.Count >= drainEvents), TimeSpan.FromMinutes(5));
    var delivered = clock.Elapsed;
    Console.WriteLine("## Drain");
    Console.WriteLine();
    Console.WriteLine("| events | relay drained outbox | relay rate | all consumed | end-to-end rate |");
    Console.WriteLine("|---:|---:|---:|---:|---:|");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {drainEvents:N0} | {drained.TotalSeconds:0.00} s | {drainEvents / drained.TotalSeconds:N0}/s | {delivered.TotalSeconds:0.00} s | {drainEvents / delivered.TotalSeconds:N0}/s |"));
    Console.WriteLine();

    // Sustained load with the relay running.
    counter.Reset();
    var total = rate * seconds;
    var backlog = new List<long>();
    using var sampling = new CancellationTokenSource();
    var sampler = Task.Run(async () =>
    {
        while (!sampling.IsCancellationRequested)
        {
            backlog.Add(await Pending(host.Services));
            await Task.Delay(100, CancellationToken.None);
        }
    });
    var producer = Stopwatch.StartNew();
    var perTick = rate / 10;
    for (var tick = 0; tick < seconds * 10; tick++)
    {
        await Produce(host.Services, perTick, perTransaction: 10);
        var due = TimeSpan.FromMilliseconds((tick + 1) * 100);
        if (producer.Elapsed < due)
        {
            await Task.Delay(due - producer.Elapsed);
        }
    }
    var produced = producer.Elapsed;
    await WaitUntil(async () => await Pending(host.Services) == 0, TimeSpan.FromMinutes(5));
    var lag = producer.Elapsed - produced;
    await sampling.CancelAsync();
    await sampler;
    await WaitUntil(() => Task.FromResult(counter.Count >= total), TimeSpan.FromMinutes(5));
    var sorted = backlog.Order().ToList();
    Console.WriteLine("## Sustained");
    Console.WriteLine();
    Console.WriteLine("| offered rate | duration | achieved producer rate | backlog p50 | backlog p95 | backlog max | drained after producer stopped |");
    Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {rate:N0}/s | {seconds} s | {total / produced.TotalSeconds:N0}/s | {sorted[sorted.Count / 2]:N0} | {sorted[(int)(sorted.Count * 0.95)]:N0} | {sorted[^1]:N0} | {lag.TotalSeconds:0.00} s |"));
    await relayHost.StopAsync();
    relayHost.Dispose();
    await host.StopAsync();
}
await infrastructure.DisposeAsync();

static int Argument(string[] args, string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

static async Task Produce(IServiceProvider services, int count, int perTransaction)
{
    for (var written = 0; written < count; written += perTransaction)
    {
        await using var scope = services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
        for (var i = 0; i < Math.Min(perTransaction, count - written); i++)
        {
            outbox.Publish(new BenchEventHappened(Guid.NewGuid(), "RJ1", DateOnly.FromDateTime(DateTime.UtcNow), DateTimeOffset.UtcNow));
        }
        await scope.ServiceProvider.GetRequiredService<BenchDbContext>().SaveChangesAsync();
    }
}

static async Task<int> Pending(IServiceProvider services)
{
    await using var scope = services.CreateAsyncScope();
    return await scope.ServiceProvider.GetRequiredService<BenchDbContext>().Set<OutboxMessage>().CountAsync();
}

static async Task WaitUntil(Func<Task<bool>> condition, TimeSpan timeout)
{
    var deadline = Stopwatch.StartNew();
    while (!await condition())
    {
        if (deadline.Elapsed > timeout)
        {
            throw new TimeoutException("The benchmark did not finish in time.");
        }
        await Task.Delay(20);
    }
}

namespace IcsComplaints.Bench.OutboxRelay
{
    /// <summary>An event shaped like the project's own: identifiers, a code, dates.</summary>
    public sealed record BenchEventHappened(Guid Id, string OrganisationCode, DateOnly On, DateTimeOffset At);

    public sealed class BenchDbContext(DbContextOptions<BenchDbContext> options) : DbContext(options)
    {
        public const string Schema = "bench";

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.HasDefaultSchema(Schema);
            modelBuilder.AddOutboxAndInbox();
        }

        public static async Task CreateSchemaAsync(string connectionString)
        {
            await using var db = new BenchDbContext(DatabaseExtensions.OptionsFor<BenchDbContext>(connectionString, Schema));
            await db.Database.EnsureCreatedAsync();
            await db.Database.ExecuteSqlRawAsync(OutboxModel.NotifyTriggerSql(Schema));
        }
    }

    public sealed class DeliveryCounter
    {
        private long _count;

        public long Count => Interlocked.Read(ref _count);

        public void Add() => Interlocked.Increment(ref _count);

        public void Reset() => Interlocked.Exchange(ref _count, 0);
    }

    public sealed class BenchEventConsumer(DeliveryCounter counter) : IConsumer<BenchEventHappened>
    {
        public Task Consume(ConsumeContext<BenchEventHappened> context)
        {
            counter.Add();
            return Task.CompletedTask;
        }
    }

    public static class BenchHost
    {
        public static async Task<IHost> StartAsync(string connectionString, Uri broker, bool relay, bool consume = true)
        {
            var builder = Host.CreateApplicationBuilder();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:benchdb"] = connectionString,
                ["ConnectionStrings:rabbitmq"] = broker.ToString(),
                ["Messaging:Relay:Enabled"] = relay.ToString(),
                ["Logging:LogLevel:Default"] = "Warning",
            });
            builder.AddServiceDatabase<BenchDbContext, HostApplicationBuilder>("benchdb", BenchDbContext.Schema);
            builder.AddServiceMessaging<BenchDbContext, HostApplicationBuilder>("bench", bus =>
            {
                if (consume)
                {
                    bus.AddConsumer<BenchEventConsumer>();
                }
            });
            builder.Services.AddSingleton<DeliveryCounter>();
            var host = builder.Build();
            await host.StartAsync();
            var bus = host.Services.GetRequiredService<IBusControl>();
            var deadline = Stopwatch.StartNew();
            while (bus.CheckHealth().Status != BusHealthStatus.Healthy && deadline.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(100);
            }
            return host;
        }
    }
}
