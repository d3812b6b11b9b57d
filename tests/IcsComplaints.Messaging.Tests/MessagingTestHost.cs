using System.Collections.Concurrent;
using IcsComplaints.Messaging.Inbox;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.ServiceDefaults;
using IcsComplaints.TestKit;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

[assembly: AssemblyFixture(typeof(TestInfrastructure))]

namespace IcsComplaints.Messaging.Tests;

/// <summary>An event the tests publish.</summary>
public sealed record WidgetCreated(Guid WidgetId, int FailTimes = 0);

/// <summary>The effect a consumer leaves: one row per widget.</summary>
public sealed class ReceivedWidget
{
    public Guid WidgetId { get; set; }

    public Guid MessageId { get; set; }
}

/// <summary>A business row written with its event.</summary>
public sealed class Widget
{
    public Guid Id { get; set; }
}

public sealed class MessagingTestDbContext(DbContextOptions<MessagingTestDbContext> options) : DbContext(options)
{
    public const string Schema = "msgtest";

    public DbSet<Widget> Widgets => Set<Widget>();

    public DbSet<ReceivedWidget> Received => Set<ReceivedWidget>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.Entity<Widget>().ToTable("widgets");
        modelBuilder.Entity<ReceivedWidget>().ToTable("received_widgets").HasKey(r => r.WidgetId);
        modelBuilder.AddOutboxAndInbox();
    }
}

/// <summary>Records each widget once; fails the first <c>FailTimes</c> deliveries of a widget on purpose.</summary>
public sealed class WidgetCreatedConsumer(InboxServices<MessagingTestDbContext> inbox, ConsumptionLog log)
    : IdempotentConsumer<WidgetCreated, MessagingTestDbContext>(inbox)
{
    protected override Task HandleAsync(ConsumeContext<WidgetCreated> context)
    {
        var attempt = log.Attempt(context.Message.WidgetId);
        if (attempt <= context.Message.FailTimes)
        {
            throw new InvalidOperationException($"Planned failure {attempt} of {context.Message.FailTimes}.");
        }
        Db.Received.Add(new ReceivedWidget { WidgetId = context.Message.WidgetId, MessageId = context.MessageId!.Value });
        return Task.CompletedTask;
    }
}

/// <summary>Counts what reached consumers, duplicates included.</summary>
public sealed class ConsumptionLog : IConsumeObserver
{
    private readonly ConcurrentDictionary<Guid, int> _attempts = new();

    public ConcurrentBag<Guid> Delivered { get; } = [];

    public int Attempt(Guid widgetId) => _attempts.AddOrUpdate(widgetId, 1, (_, n) => n + 1);

    public int AttemptsFor(Guid widgetId) => _attempts.GetValueOrDefault(widgetId);

    public Task PreConsume<T>(ConsumeContext<T> context)
        where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context)
        where T : class
    {
        Delivered.Add(context.MessageId!.Value);
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception)
        where T : class => Task.CompletedTask;
}

/// <summary>A generic host with the project's messaging over a test database and RabbitMQ virtual host.</summary>
public sealed class MessagingTestHost : IAsyncDisposable
{
    private readonly IHost _host;

    private MessagingTestHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public ConsumptionLog Log => _host.Services.GetRequiredService<ConsumptionLog>();

    public static async Task<MessagingTestHost> StartAsync(
        string databaseConnectionString, Uri broker, bool consume, Action<IServiceCollection>? services = null,
        IDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:testdb"] = databaseConnectionString,
            ["ConnectionStrings:rabbitmq"] = broker.ToString(),
            ["Messaging:Relay:PollInterval"] = "00:00:00.200",
            ["Messaging:Relay:MaxBackoff"] = "00:00:01",
            ["Messaging:Relay:MaxAttempts"] = "3",
            ["Messaging:Relay:PublishTimeout"] = "00:00:05",
            ["Messaging:ImmediateRetries"] = "1",
            ["Messaging:RedeliveryDelays:0"] = "00:00:00.300",
            ["Messaging:RedeliveryDelays:1"] = "00:00:00.300",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }
        builder.AddServiceDatabase<MessagingTestDbContext, HostApplicationBuilder>("testdb", MessagingTestDbContext.Schema);
        builder.AddServiceMessaging<MessagingTestDbContext, HostApplicationBuilder>("msgtest", bus =>
        {
            if (consume)
            {
                bus.AddConsumer<WidgetCreatedConsumer>();
            }
        });
        builder.Services.AddSingleton<ConsumptionLog>();
        builder.Services.AddSingleton<IConsumeObserver>(sp => sp.GetRequiredService<ConsumptionLog>());
        services?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        // Queues are declared when the bus starts; publishing before then would route to nowhere.
        var bus = host.Services.GetRequiredService<IBusControl>();
        await Eventually.TrueAsync(() => Task.FromResult(bus.CheckHealth().Status == BusHealthStatus.Healthy),
            TimeSpan.FromSeconds(30), "the bus is connected and its receive endpoints are ready");
        return new MessagingTestHost(host);
    }

    public static async Task CreateSchemaAsync(string connectionString)
    {
        await using var db = new MessagingTestDbContext(DatabaseExtensions.OptionsFor<MessagingTestDbContext>(connectionString, MessagingTestDbContext.Schema));
        await db.Database.EnsureCreatedAsync();
        await db.Database.ExecuteSqlRawAsync(OutboxModel.NotifyTriggerSql(MessagingTestDbContext.Schema));
    }

    /// <summary>Writes widgets and their events in one transaction each batch, as a service would.</summary>
    public async Task<List<Guid>> CreateWidgetsAsync(int count, int failTimes = 0)
    {
        var ids = new List<Guid>();
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MessagingTestDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
        for (var i = 0; i < count; i++)
        {
            var id = Guid.NewGuid();
            db.Widgets.Add(new Widget { Id = id });
            outbox.Publish(new WidgetCreated(id, failTimes));
            ids.Add(id);
        }
        await db.SaveChangesAsync();
        return ids;
    }

    public async Task<T> QueryAsync<T>(Func<MessagingTestDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<MessagingTestDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
