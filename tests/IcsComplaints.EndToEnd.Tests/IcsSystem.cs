// Over 300 lines on purpose: the whole system's start-up (databases, roles, broker users, every host) in the order it
// depends on, in one place.
extern alias advocacy;
extern alias learning;
extern alias reporting;
extern alias cases;
extern alias gateway;
extern alias identity;
extern alias intake;
using System.Security.Cryptography;
using Grpc.Core;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.ServiceDefaults;
using IcsComplaints.TestKit;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Trace;
using AdvocacyDbContext = advocacy::IcsComplaints.AdvocacyReferral.Api.Data.AdvocacyDbContext;
using AdvocacyDirectorySeed = advocacy::IcsComplaints.AdvocacyReferral.Api.Data.AdvocacyDirectorySeed;
using AdvocacyProgram = advocacy::Program;
using LearningDbContext = learning::IcsComplaints.Learning.Api.Data.LearningDbContext;
using LearningProgram = learning::Program;
using ReportingDbContext = reporting::IcsComplaints.Reporting.Api.Data.ReportingDbContext;
using ReportingProgram = reporting::Program;
using CaseDbContext = cases::IcsComplaints.Case.Api.Data.CaseDbContext;
using CaseProgram = cases::Program;
using DirectorySeed = intake::IcsComplaints.Intake.Api.Data.DirectorySeed;
using GatewayProgram = gateway::Program;
using IdentityProgram = identity::Program;
using IntakeDbContext = intake::IcsComplaints.Intake.Api.Data.IntakeDbContext;
using IntakeProgram = intake::Program;

[assembly: AssemblyFixture(typeof(IcsComplaints.EndToEnd.Tests.IcsSystem))]
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]

namespace IcsComplaints.EndToEnd.Tests;

/// <summary>
/// The system as deployed, in one process: identity, intake, case, advocacy-referral and the gateway on real Kestrel, each service
/// with its own PostgreSQL database, migrated as its owner role and used with its runtime role, all on one RabbitMQ
/// virtual host where each service has its own user with the permissions a deployment gives it (ADR 17), tokens from
/// the real identity service with its demo users. Intake reaches RabbitMQ through a proxy that tests can cut to give it a broker outage. Logs,
/// traces and delivered messages of every service are captured for the privacy tests.
/// </summary>
public sealed class IcsSystem : IAsyncLifetime
{
    private readonly TestInfrastructure _infrastructure = new();
    private readonly List<IAsyncDisposable> _resources = [];
    private readonly DemoIdentity _identity = new();

    public string DemoPassword => _identity.DemoPassword;

    public string DemoClientSecret => _identity.DemoClientSecret;

    /// <summary>The identity service's signing key, so token tests can forge tokens that differ in one respect only.</summary>
    public RSA SigningKey => _identity.SigningKey;

    public Capture Capture { get; } = new();

    public TcpProxy IntakeBrokerLink { get; private set; } = null!;

    public CrashSwitch IntakeRelayCrash { get; } = new();

    public ServiceHost<IdentityProgram> Identity { get; private set; } = null!;

    public ServiceHost<IntakeProgram> Intake { get; private set; } = null!;

    public ServiceHost<CaseProgram> Case { get; private set; } = null!;

    public ServiceHost<AdvocacyProgram> Advocacy { get; private set; } = null!;

    public ServiceHost<LearningProgram> Learning { get; private set; } = null!;

    public ServiceHost<ReportingProgram> Reporting { get; private set; } = null!;

    public ServiceHost<GatewayProgram> Gateway { get; private set; } = null!;

    /// <summary>A second gateway with tight limits on the public routes, for the rate limit tests.</summary>
    public ServiceHost<GatewayProgram> LimitedGateway { get; private set; } = null!;

    /// <summary>The token issuer (the identity service's own address here; the gateway's in a deployment).</summary>
    public string Issuer => Identity.HttpAddress.ToString();

    /// <summary>The servers and the means to make more databases, roles, virtual hosts and users on them.</summary>
    public TestInfrastructure Infrastructure => _infrastructure;

    /// <summary>Each service's database with its owner and runtime roles, by database name without "db" (intake, advocacy).</summary>
    public IReadOnlyDictionary<string, TestServiceDatabase> Databases { get; private set; } = new Dictionary<string, TestServiceDatabase>();

    public async ValueTask InitializeAsync()
    {
        await _infrastructure.InitializeAsync();
        var identityDb = await Own(_infrastructure.CreateServiceDatabaseAsync("identity"));
        var intakeDb = await Own(_infrastructure.CreateServiceDatabaseAsync("intake"));
        var caseDb = await Own(_infrastructure.CreateServiceDatabaseAsync("case"));
        var advocacyDb = await Own(_infrastructure.CreateServiceDatabaseAsync("advocacy"));
        var learningDb = await Own(_infrastructure.CreateServiceDatabaseAsync("learning"));
        var reportingDb = await Own(_infrastructure.CreateServiceDatabaseAsync("reporting"));
        Databases = new Dictionary<string, TestServiceDatabase>
        {
            ["identity"] = identityDb, ["intake"] = intakeDb, ["case"] = caseDb, ["advocacy"] = advocacyDb, ["learning"] = learningDb, ["reporting"] = reportingDb,
        };
        var vhost = await Own(_infrastructure.CreateVirtualHostAsync("e2e"));
        var intakeBroker = await Own(_infrastructure.CreateBrokerUserAsync(vhost, "intake"));
        var caseBroker = await Own(_infrastructure.CreateBrokerUserAsync(vhost, "case"));
        var advocacyBroker = await Own(_infrastructure.CreateBrokerUserAsync(vhost, "advocacy-referral"));
        var learningBroker = await Own(_infrastructure.CreateBrokerUserAsync(vhost, "learning"));
        var reportingBroker = await Own(_infrastructure.CreateBrokerUserAsync(vhost, "reporting"));
        await DatabaseExtensions.MigrateAsync<IntakeDbContext>(intakeDb.OwnerConnectionString, IntakeDbContext.Schema, intakeDb.ConnectionString);
        await DatabaseExtensions.MigrateAsync<CaseDbContext>(caseDb.OwnerConnectionString, CaseDbContext.Schema, caseDb.ConnectionString);
        await DatabaseExtensions.MigrateAsync<AdvocacyDbContext>(advocacyDb.OwnerConnectionString, AdvocacyDbContext.Schema, advocacyDb.ConnectionString);
        await DatabaseExtensions.MigrateAsync<LearningDbContext>(learningDb.OwnerConnectionString, LearningDbContext.Schema, learningDb.ConnectionString);
        await DatabaseExtensions.MigrateAsync<ReportingDbContext>(reportingDb.OwnerConnectionString, ReportingDbContext.Schema, reportingDb.ConnectionString);
        IntakeBrokerLink = new TcpProxy(vhost.AmqpUri.Host, vhost.AmqpUri.Port);
        _resources.Add(IntakeBrokerLink);

        Identity = new ServiceHost<IdentityProgram>(Common(_identity.Settings(identityDb)), Observe);
        Identity.With("Identity:Issuer", Identity.HttpAddress.ToString()).With("Authentication:Authority", Identity.HttpAddress.ToString()).Start();
        _identity.IssueFrom(Identity.CreateHttpClient);
        await ServiceCommands.MigrateAsync(Identity.Services);

        Intake = new ServiceHost<IntakeProgram>(
            Common(new()
            {
                ["ConnectionStrings:intakedb"] = intakeDb.ConnectionString,
                ["ConnectionStrings:rabbitmq"] = new UriBuilder(intakeBroker.AmqpUri) { Port = IntakeBrokerLink.Port }.Uri.ToString(),
            }),
            services =>
            {
                Observe(services);
                services.AddSingleton<IOutboxRelayObserver>(IntakeRelayCrash);
            });
        // The advocacy-referral service asks intake whether a complainant's reference and status secret go together.
        Advocacy = new ServiceHost<AdvocacyProgram>(Common(new()
        {
            ["ConnectionStrings:advocacydb"] = advocacyDb.ConnectionString,
            ["ConnectionStrings:rabbitmq"] = advocacyBroker.AmqpUri.ToString(),
            ["Services:Intake:Grpc"] = Intake.GrpcAddress.ToString(),
        }), Observe);
        // The case service asks intake for a complainant's address when it writes a letter, and the advocacy-referral
        // service whether an advocate's consent is in force.
        Case = new ServiceHost<CaseProgram>(Common(new()
        {
            ["ConnectionStrings:casedb"] = caseDb.ConnectionString,
            ["ConnectionStrings:rabbitmq"] = caseBroker.AmqpUri.ToString(),
            ["Services:Intake:Grpc"] = Intake.GrpcAddress.ToString(),
            ["Services:Advocacy:Grpc"] = Advocacy.GrpcAddress.ToString(),
        }), Observe).Start();
        Advocacy.Start();
        // Learning reads case events and asks intake's directory which providers an ICB commissions.
        Learning = new ServiceHost<LearningProgram>(Common(new()
        {
            ["ConnectionStrings:learningdb"] = learningDb.ConnectionString,
            ["ConnectionStrings:rabbitmq"] = learningBroker.AmqpUri.ToString(),
            ["Services:Intake:Grpc"] = Intake.GrpcAddress.ToString(),
        }), Observe).Start();
        // Reporting reads every service's events into its log and asks intake's directory about organisations.
        Reporting = new ServiceHost<ReportingProgram>(Common(new()
        {
            ["ConnectionStrings:reportingdb"] = reportingDb.ConnectionString,
            ["ConnectionStrings:rabbitmq"] = reportingBroker.AmqpUri.ToString(),
            ["Services:Intake:Grpc"] = Intake.GrpcAddress.ToString(),
        }), Observe).Start();
        await Advocacy.Services.GetServices<IDeploymentStep>().OfType<AdvocacyDirectorySeed>().Single().RunAsync(Advocacy.Services, CancellationToken.None);
        Intake.Start();
        // Seeds the organisation directory, as `migrate` does before a deployment starts (its other step, the broker
        // topology, would stop the running bus).
        await Intake.Services.GetServices<IDeploymentStep>().OfType<DirectorySeed>().Single().RunAsync(Intake.Services, CancellationToken.None);
        Gateway = new ServiceHost<GatewayProgram>(GatewaySettings(permitLimit: 100_000), Observe).Start();
        LimitedGateway = new ServiceHost<GatewayProgram>(GatewaySettings(permitLimit: 3), Observe).Start();

        // Case declares its queues when its bus starts; wait for that before anything is published.
        using var caseClient = Case.CreateHttpClient();
        await Eventually.TrueAsync(
            async () => (await caseClient.GetStringAsync(new Uri("/health/ready", UriKind.Relative))).Contains("\"rabbitmq\":\"Healthy\"", StringComparison.Ordinal),
            TimeSpan.FromSeconds(60), "the case service is connected to RabbitMQ");
        using var learningClient = Learning.CreateHttpClient();
        await Eventually.TrueAsync(
            async () => (await learningClient.GetStringAsync(new Uri("/health/ready", UriKind.Relative))).Contains("\"rabbitmq\":\"Healthy\"", StringComparison.Ordinal),
            TimeSpan.FromSeconds(60), "the learning service is connected to RabbitMQ");
        using var reportingClient = Reporting.CreateHttpClient();
        await Eventually.TrueAsync(
            async () => (await reportingClient.GetStringAsync(new Uri("/health/ready", UriKind.Relative))).Contains("\"rabbitmq\":\"Healthy\"", StringComparison.Ordinal),
            TimeSpan.FromSeconds(60), "the reporting service is connected to RabbitMQ");
    }

    private async Task<T> Own<T>(Task<T> resource)
        where T : IAsyncDisposable
    {
        var created = await resource;
        _resources.Add(created);
        return created;
    }

    private Dictionary<string, string?> Common(Dictionary<string, string?> settings)
    {
        // Everything at Debug goes to the capture; the console sees warnings only.
        settings["Logging:LogLevel:Default"] = "Debug";
        settings["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Debug";
        settings["Logging:Console:LogLevel:Default"] = "Warning";
        settings["Messaging:Relay:PollInterval"] = "00:00:00.250";
        settings["Messaging:Relay:MaxBackoff"] = "00:00:01";
        settings["Messaging:Relay:PublishTimeout"] = "00:00:05";
        settings["Authentication:RequireHttpsMetadata"] = "false";
        if (Identity is not null)
        {
            settings["Authentication:Authority"] = Issuer;
        }
        return settings;
    }

    private Dictionary<string, string?> GatewaySettings(int permitLimit) => Common(new()
    {
        ["ReverseProxy:Clusters:identity-http:Destinations:identity:Address"] = Identity.HttpAddress.ToString(),
        ["ReverseProxy:Clusters:intake-http:Destinations:intake:Address"] = Intake.HttpAddress.ToString(),
        ["ReverseProxy:Clusters:intake-grpc:Destinations:intake:Address"] = Intake.GrpcAddress.ToString(),
        ["ReverseProxy:Clusters:case-http:Destinations:case:Address"] = Case.HttpAddress.ToString(),
        ["ReverseProxy:Clusters:case-grpc:Destinations:case:Address"] = Case.GrpcAddress.ToString(),
        ["ReverseProxy:Clusters:advocacy-http:Destinations:advocacy:Address"] = Advocacy.HttpAddress.ToString(),
        ["ReverseProxy:Clusters:advocacy-grpc:Destinations:advocacy:Address"] = Advocacy.GrpcAddress.ToString(),
        ["ReverseProxy:Clusters:learning-http:Destinations:learning:Address"] = Learning.HttpAddress.ToString(),
        ["ReverseProxy:Clusters:learning-grpc:Destinations:learning:Address"] = Learning.GrpcAddress.ToString(),
        ["ReverseProxy:Clusters:reporting-http:Destinations:reporting:Address"] = Reporting.HttpAddress.ToString(),
        ["ReverseProxy:Clusters:reporting-grpc:Destinations:reporting:Address"] = Reporting.GrpcAddress.ToString(),
        ["RateLimits:PublicSubmission:PermitLimit"] = permitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimits:PublicSubmission:Window"] = "00:01:00",
        ["RateLimits:PublicStatus:PermitLimit"] = permitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimits:PublicStatus:Window"] = "00:01:00",
        ["RateLimits:SignIn:PermitLimit"] = "100000",
        ["RateLimits:Authenticated:PermitLimit"] = "100000",
        ["RateLimits:SignIn:Window"] = "00:01:00",
        ["RateLimits:PerSubject:PermitLimit"] = (permitLimit * 2).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimits:PerSubject:Window"] = "00:01:00",
        // The tight gateway stands behind a trusted proxy on loopback (as behind the portal), with TLS ended in front of it.
        ["SecurityHeaders:AlwaysSendHsts"] = permitLimit < 100 ? "true" : "false",
    }).Concat(permitLimit < 100 ? [new("Gateway:TrustedProxies:0", "127.0.0.1")] : []).ToDictionary();

    private void Observe(IServiceCollection services)
    {
        services.AddSingleton(sp => Capture.For(sp.GetRequiredService<IHostEnvironment>().ApplicationName));
        services.AddSingleton<IReceiveObserver>(Capture);
        services.AddSingleton<IPublishObserver>(Capture);
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Capture.Spans).AddProcessor(Capture.DatabaseWrites));
    }

    /// <summary>An access token for a demo user (password grant), optionally for one of their organisations.</summary>
    public Task<string> TokenAsync(string userName, string? organisation = null) => _identity.TokenAsync(userName, organisation);

    /// <summary>An access token for a demo integration client (client credentials).</summary>
    public Task<string> ClientTokenAsync(string clientId) => _identity.ClientTokenAsync(clientId);

    /// <summary>A client for the gateway's REST port, with a bearer token when given.</summary>
    public HttpClient GatewayHttp(string? token = null) => HttpClients.WithToken(Gateway.CreateHttpClient(), token);

    /// <summary>gRPC metadata carrying a bearer token.</summary>
    public static Metadata Bearer(string token) => new() { { "Authorization", "Bearer " + token } };

    /// <summary>Runs a query against the case database.</summary>
    public async Task<T> InCaseDb<T>(Func<CaseDbContext, Task<T>> query)
    {
        await using var scope = Case.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CaseDbContext>());
    }

    /// <summary>Runs a query against the reporting database.</summary>
    public async Task<T> InReportingDb<T>(Func<ReportingDbContext, Task<T>> query)
    {
        await using var scope = Reporting.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ReportingDbContext>());
    }

    /// <summary>Runs a query against the learning database.</summary>
    public async Task<T> InLearningDb<T>(Func<LearningDbContext, Task<T>> query)
    {
        await using var scope = Learning.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<LearningDbContext>());
    }

    /// <summary>Runs a query against the advocacy-referral database.</summary>
    public async Task<T> InAdvocacyDb<T>(Func<AdvocacyDbContext, Task<T>> query)
    {
        await using var scope = Advocacy.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AdvocacyDbContext>());
    }

    /// <summary>
    /// Waits until every message a service's outbox holds now has been published (and so captured), leaving aside
    /// parked rows and redeliveries scheduled for later: a test can then count what was published, or prove that
    /// something never was.
    /// </summary>
    public static async Task OutboxPublishedAsync<TDbContext>(IServiceProvider service, string because)
        where TDbContext : DbContext
    {
        async Task<T> Query<T>(Func<DbSet<OutboxMessage>, Task<T>> query)
        {
            await using var scope = service.CreateAsyncScope();
            return await query(scope.ServiceProvider.GetRequiredService<TDbContext>().Set<OutboxMessage>());
        }
        var last = await Query(outbox => outbox.MaxAsync(m => (long?)m.Sequence));
        await Eventually.TrueAsync(
            async () => last is null || !await Query(outbox => outbox.AnyAsync(m =>
                m.Sequence <= last && m.ParkedAt == null && (m.AvailableAt == null || m.AvailableAt <= DateTimeOffset.UtcNow))),
            TimeSpan.FromSeconds(60), because);
    }

    /// <summary>Each service (not the gateway): its name, its services and the address of its REST port.</summary>
    public IReadOnlyList<(string Name, IServiceProvider Services, Uri Address)> ServiceHosts() =>
    [
        ("identity", Identity.Services, Identity.HttpAddress), ("intake", Intake.Services, Intake.HttpAddress),
        ("case", Case.Services, Case.HttpAddress), ("advocacy-referral", Advocacy.Services, Advocacy.HttpAddress),
        ("learning", Learning.Services, Learning.HttpAddress), ("reporting", Reporting.Services, Reporting.HttpAddress),
    ];

    /// <summary>The gRPC address of a service named as in <see cref="ServiceHosts"/>.</summary>
    public Uri GrpcAddressOf(string service) => service switch
    {
        "identity" => Identity.GrpcAddress,
        "intake" => Intake.GrpcAddress,
        "case" => Case.GrpcAddress,
        "advocacy-referral" => Advocacy.GrpcAddress,
        "learning" => Learning.GrpcAddress,
        "reporting" => Reporting.GrpcAddress,
        _ => throw new ArgumentOutOfRangeException(nameof(service), service, "No such service."),
    };

    /// <summary>The connection string of every service's database.</summary>
    public async Task<IReadOnlyList<string>> DatabaseConnectionStringsAsync() =>
    [
        await InIntakeDb(db => Task.FromResult(db.Database.GetConnectionString()!)),
        await InCaseDb(db => Task.FromResult(db.Database.GetConnectionString()!)),
        await InAdvocacyDb(db => Task.FromResult(db.Database.GetConnectionString()!)),
        await InLearningDb(db => Task.FromResult(db.Database.GetConnectionString()!)),
        await InReportingDb(db => Task.FromResult(db.Database.GetConnectionString()!)),
        Microsoft.Extensions.Configuration.ConfigurationExtensions.GetConnectionString(Identity.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>(), "identitydb")!,
    ];

    /// <summary>Runs a query against the intake database.</summary>
    public async Task<T> InIntakeDb<T>(Func<IntakeDbContext, Task<T>> query)
    {
        await using var scope = Intake.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<IntakeDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in new IAsyncDisposable?[] { LimitedGateway, Gateway, Intake, Case, Advocacy, Learning, Reporting, Identity })
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }
        }
        foreach (var resource in Enumerable.Reverse(_resources))
        {
            await resource.DisposeAsync();
        }
        await _infrastructure.DisposeAsync();
        _identity.Dispose();
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
