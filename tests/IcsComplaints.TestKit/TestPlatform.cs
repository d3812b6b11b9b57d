using IcsComplaints.ServiceDefaults;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Trace;

namespace IcsComplaints.TestKit;

/// <summary>
/// What a test assembly runs its services on: the servers, one RabbitMQ virtual host of its own, the identity service
/// with the demo users to hand out tokens, and each service it boots on its own database (migrated as its owner role,
/// used with its runtime role) with its own broker user and the permissions a deployment gives it (ADR 17). Logs,
/// traces and messages of every host it makes are captured. A fixture boots the service under test and only the
/// collaborators its tests need; everything is dropped when disposed.
/// </summary>
public sealed class TestPlatform(string name) : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _resources = [];
    private readonly List<IAsyncDisposable> _hosts = [];
    private readonly Dictionary<string, TestServiceDatabase> _databases = new(StringComparer.Ordinal);
    private TestVirtualHost? _virtualHost;
    private Uri? _issuer;

    /// <summary>The servers and the means to make more databases, roles, virtual hosts and users on them.</summary>
    public TestInfrastructure Infrastructure { get; } = new();

    /// <summary>The demo users' password and clients' secret for this run, and the key tokens are signed with.</summary>
    public DemoIdentity Identity { get; } = new();

    /// <summary>Everything the hosts wrote out of their databases.</summary>
    public Capture Capture { get; } = new();

    /// <summary>The token issuer: the identity service's own address (the gateway's in a deployment).</summary>
    public string Issuer => _issuer?.ToString() ?? throw new InvalidOperationException("The identity service is not running yet.");

    /// <summary>Each service's database with its owner and runtime roles, by database name without "db" (intake, advocacy).</summary>
    public IReadOnlyDictionary<string, TestServiceDatabase> Databases => _databases;

    public ValueTask InitializeAsync() => Infrastructure.InitializeAsync();

    /// <summary>Starts the identity service over its own database with the demo users, and takes tokens from it.</summary>
    public async Task<ServiceHost<TIdentityProgram>> StartIdentityAsync<TIdentityProgram>()
        where TIdentityProgram : class
    {
        var host = CreateHost<TIdentityProgram>(Identity.Settings(await DatabaseAsync("identity")));
        _issuer = host.HttpAddress;
        host.With("Identity:Issuer", Issuer).With("Authentication:Authority", Issuer).Start();
        Identity.IssueFrom(host.CreateHttpClient);
        await ServiceCommands.MigrateAsync(host.Services);
        return host;
    }

    /// <summary>
    /// A service over its own migrated database (<c>ConnectionStrings:{database}db</c>) and its own RabbitMQ user
    /// (<c>ConnectionStrings:rabbitmq</c>, through <paramref name="brokerLink"/> when given), not started yet so that
    /// others can be given its address first.
    /// </summary>
    public async Task<ServiceHost<TProgram>> CreateServiceAsync<TProgram, TDbContext>(
        string service, string database, string schema, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null, Func<Uri, Uri>? brokerLink = null)
        where TProgram : class
        where TDbContext : DbContext
    {
        var own = await DatabaseAsync(database);
        await DatabaseExtensions.MigrateAsync<TDbContext>(own.OwnerConnectionString, schema, own.ConnectionString);
        _virtualHost ??= await Own(Infrastructure.CreateVirtualHostAsync(name));
        var broker = await Own(Infrastructure.CreateBrokerUserAsync(_virtualHost, service));
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            [$"ConnectionStrings:{database}db"] = own.ConnectionString,
            ["ConnectionStrings:rabbitmq"] = (brokerLink?.Invoke(broker.AmqpUri) ?? broker.AmqpUri).ToString(),
        };
        return CreateHost<TProgram>(all, services);
    }

    /// <summary>A host with the settings every test host shares (captured Debug logs, a quick relay, tokens from identity), not started.</summary>
    public ServiceHost<TProgram> CreateHost<TProgram>(IDictionary<string, string?> settings, Action<IServiceCollection>? services = null)
        where TProgram : class
    {
        var all = new Dictionary<string, string?>(settings)
        {
            // Everything at Debug goes to the capture; the console sees warnings only.
            ["Logging:LogLevel:Default"] = "Debug",
            ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Debug",
            ["Logging:Console:LogLevel:Default"] = "Warning",
            ["Messaging:Relay:PollInterval"] = "00:00:00.250",
            ["Messaging:Relay:MaxBackoff"] = "00:00:01",
            ["Messaging:Relay:PublishTimeout"] = "00:00:05",
            ["Authentication:RequireHttpsMetadata"] = "false",
            // Files are scanned by the clamd ./ics test starts (TestClamd).
            ["Documents:Scanner:Host"] = TestClamd.Host,
            ["Documents:Scanner:Port"] = TestClamd.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (_issuer is not null)
        {
            all["Authentication:Authority"] = Issuer;
        }
        var host = new ServiceHost<TProgram>(all, collection =>
        {
            Observe(collection);
            services?.Invoke(collection);
        });
        _hosts.Add(host);
        return host;
    }

    /// <summary>Runs one of a service's <c>migrate</c> steps, such as seeding a directory, as a deployment does before it starts.</summary>
    public static Task RunDeploymentStepAsync<TStep>(IServiceProvider services)
        where TStep : IDeploymentStep =>
        services.GetServices<IDeploymentStep>().OfType<TStep>().Single().RunAsync(services, CancellationToken.None);

    /// <summary>
    /// Waits until a service's bus is connected, so that its queues are declared before anything is published that
    /// it should receive.
    /// </summary>
    public static async Task ConnectedToBrokerAsync<TProgram>(ServiceHost<TProgram> host)
        where TProgram : class
    {
        ArgumentNullException.ThrowIfNull(host);
        using var client = host.CreateHttpClient();
        await Eventually.TrueAsync(
            async () => (await client.GetStringAsync(new Uri("/health/ready", UriKind.Relative))).Contains("\"rabbitmq\":\"Healthy\"", StringComparison.Ordinal),
            TimeSpan.FromSeconds(60), $"{typeof(TProgram).Assembly.GetName().Name} is connected to RabbitMQ");
    }

    /// <summary>An access token for a demo user (password grant), optionally for one of their organisations.</summary>
    public Task<string> TokenAsync(string userName, string? organisation = null) => Identity.TokenAsync(userName, organisation);

    /// <summary>An access token for a demo integration client (client credentials).</summary>
    public Task<string> ClientTokenAsync(string clientId) => Identity.ClientTokenAsync(clientId);

    private async Task<TestServiceDatabase> DatabaseAsync(string database) =>
        _databases[database] = await Own(Infrastructure.CreateServiceDatabaseAsync(database));

    private async Task<T> Own<T>(Task<T> resource)
        where T : IAsyncDisposable
    {
        var created = await resource;
        _resources.Add(created);
        return created;
    }

    private void Observe(IServiceCollection services)
    {
        services.AddSingleton(sp => Capture.For(sp.GetRequiredService<IHostEnvironment>().ApplicationName));
        services.AddSingleton<IReceiveObserver>(Capture);
        services.AddSingleton<IPublishObserver>(Capture);
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Capture.Spans).AddProcessor(Capture.DatabaseWrites));
    }

    public async ValueTask DisposeAsync()
    {
        // Hosts stop before the databases and broker users they use are dropped, the last made first.
        foreach (var host in Enumerable.Reverse(_hosts))
        {
            await host.DisposeAsync();
        }
        foreach (var resource in Enumerable.Reverse(_resources))
        {
            await resource.DisposeAsync();
        }
        await Infrastructure.DisposeAsync();
        Identity.Dispose();
    }
}
