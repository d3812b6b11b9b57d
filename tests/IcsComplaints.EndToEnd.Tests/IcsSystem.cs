extern alias cases;
extern alias gateway;
extern alias intake;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.ServiceDefaults;
using IcsComplaints.TestKit;
using Microsoft.Extensions.DependencyInjection;
using CaseDbContext = cases::IcsComplaints.Case.Api.Data.CaseDbContext;
using CaseProgram = cases::Program;
using GatewayProgram = gateway::Program;
using IntakeDbContext = intake::IcsComplaints.Intake.Api.Data.IntakeDbContext;
using IntakeProgram = intake::Program;

[assembly: AssemblyFixture(typeof(IcsComplaints.EndToEnd.Tests.IcsSystem))]
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]

namespace IcsComplaints.EndToEnd.Tests;

/// <summary>
/// The system as deployed, in one process: intake, case and the gateway on real Kestrel, each service with its
/// own PostgreSQL database, all on one RabbitMQ virtual host. Intake reaches RabbitMQ through a proxy that tests
/// can cut to give it a broker outage.
/// </summary>
public sealed class IcsSystem : IAsyncLifetime
{
    private readonly TestInfrastructure _infrastructure = new();
    private TestDatabase? _intakeDb;
    private TestDatabase? _caseDb;
    private TestVirtualHost? _vhost;

    public TcpProxy IntakeBrokerLink { get; private set; } = null!;

    public CrashSwitch IntakeRelayCrash { get; } = new();

    public ServiceHost<IntakeProgram> Intake { get; private set; } = null!;

    public ServiceHost<CaseProgram> Case { get; private set; } = null!;

    public ServiceHost<GatewayProgram> Gateway { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await _infrastructure.InitializeAsync();
        _intakeDb = await _infrastructure.CreateDatabaseAsync("intake");
        _caseDb = await _infrastructure.CreateDatabaseAsync("case");
        _vhost = await _infrastructure.CreateVirtualHostAsync("e2e");
        await DatabaseExtensions.MigrateAsync<IntakeDbContext>(_intakeDb.ConnectionString, IntakeDbContext.Schema);
        await DatabaseExtensions.MigrateAsync<CaseDbContext>(_caseDb.ConnectionString, CaseDbContext.Schema);
        IntakeBrokerLink = new TcpProxy(_vhost.AmqpUri.Host, _vhost.AmqpUri.Port);

        var quiet = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Messaging:Relay:PollInterval"] = "00:00:00.250",
            ["Messaging:Relay:MaxBackoff"] = "00:00:01",
            ["Messaging:Relay:PublishTimeout"] = "00:00:05",
        };
        Case = new ServiceHost<CaseProgram>(new Dictionary<string, string?>(quiet)
        {
            ["ConnectionStrings:casedb"] = _caseDb.ConnectionString,
            ["ConnectionStrings:rabbitmq"] = _vhost.AmqpUri.ToString(),
        }).Start();
        Intake = new ServiceHost<IntakeProgram>(
            new Dictionary<string, string?>(quiet)
            {
                ["ConnectionStrings:intakedb"] = _intakeDb.ConnectionString,
                ["ConnectionStrings:rabbitmq"] = new UriBuilder(_vhost.AmqpUri) { Port = IntakeBrokerLink.Port }.Uri.ToString(),
            },
            services => services.AddSingleton<IOutboxRelayObserver>(IntakeRelayCrash)).Start();
        Gateway = new ServiceHost<GatewayProgram>(new Dictionary<string, string?>(quiet)
        {
            ["ReverseProxy:Clusters:intake-http:Destinations:intake:Address"] = Intake.HttpAddress.ToString(),
            ["ReverseProxy:Clusters:intake-grpc:Destinations:intake:Address"] = Intake.GrpcAddress.ToString(),
            ["ReverseProxy:Clusters:case-http:Destinations:case:Address"] = Case.HttpAddress.ToString(),
            ["ReverseProxy:Clusters:case-grpc:Destinations:case:Address"] = Case.GrpcAddress.ToString(),
        }).Start();

        // Case declares its queues when its bus starts; wait for that before anything is published.
        using var caseClient = Case.CreateHttpClient();
        await Eventually.TrueAsync(
            async () => (await caseClient.GetStringAsync(new Uri("/health/ready", UriKind.Relative))).Contains("\"rabbitmq\":\"Healthy\"", StringComparison.Ordinal),
            TimeSpan.FromSeconds(60), "the case service is connected to RabbitMQ");
    }

    /// <summary>A client for the gateway's REST port.</summary>
    public HttpClient GatewayHttp() => Gateway.CreateHttpClient();

    /// <summary>Runs a query against the case database.</summary>
    public async Task<T> InCaseDb<T>(Func<CaseDbContext, Task<T>> query)
    {
        await using var scope = Case.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CaseDbContext>());
    }

    /// <summary>Runs a query against the intake database.</summary>
    public async Task<T> InIntakeDb<T>(Func<IntakeDbContext, Task<T>> query)
    {
        await using var scope = Intake.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<IntakeDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in new IAsyncDisposable?[] { Gateway, Intake, Case })
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }
        }
        if (IntakeBrokerLink is not null)
        {
            await IntakeBrokerLink.DisposeAsync();
        }
        foreach (var resource in new IAsyncDisposable?[] { _vhost, _intakeDb, _caseDb })
        {
            if (resource is not null)
            {
                await resource.DisposeAsync();
            }
        }
        await _infrastructure.DisposeAsync();
    }
}

/// <summary>When armed, makes the relay fail once after RabbitMQ confirmed a batch and before the outbox commit.</summary>
public sealed class CrashSwitch : IOutboxRelayObserver
{
    private int _armed;

    public int Crashes { get; private set; }

    public void Arm() => Interlocked.Exchange(ref _armed, 1);

    public Task PublishedAsync(IReadOnlyList<Guid> messageIds, CancellationToken cancellationToken)
    {
        if (messageIds.Count > 0 && Interlocked.Exchange(ref _armed, 0) == 1)
        {
            Crashes++;
            throw new InvalidOperationException("Simulated relay crash between publish and commit.");
        }
        return Task.CompletedTask;
    }
}
