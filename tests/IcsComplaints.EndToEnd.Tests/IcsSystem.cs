extern alias advocacy;
extern alias learning;
extern alias reporting;
extern alias cases;
extern alias gateway;
extern alias identity;
extern alias intake;
using System.Security.Cryptography;
using IcsComplaints.ComplaintHandling.Tests;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.TestKit;
using Microsoft.Extensions.DependencyInjection;
using AdvocacyDbContext = advocacy::IcsComplaints.AdvocacyReferral.Api.Data.AdvocacyDbContext;
using AdvocacyProgram = advocacy::Program;
using LearningDbContext = learning::IcsComplaints.Learning.Api.Data.LearningDbContext;
using LearningProgram = learning::Program;
using ReportingDbContext = reporting::IcsComplaints.Reporting.Api.Data.ReportingDbContext;
using ReportingProgram = reporting::Program;
using CaseDbContext = cases::IcsComplaints.Case.Api.Data.CaseDbContext;
using CaseProgram = cases::Program;
using GatewayProgram = gateway::Program;
using IdentityProgram = identity::Program;
using IntakeDbContext = intake::IcsComplaints.Intake.Api.Data.IntakeDbContext;
using IntakeProgram = intake::Program;

[assembly: AssemblyFixture(typeof(IcsComplaints.EndToEnd.Tests.IcsSystem))]
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]

namespace IcsComplaints.EndToEnd.Tests;

/// <summary>
/// The whole system as deployed, in one process, for the tests that cross services: every service and the gateway on
/// real Kestrel over the <see cref="TestPlatform"/> (each service with its own database and broker user, tokens from
/// the real identity service), in the order their start-up depends on. Intake reaches RabbitMQ through a proxy that
/// tests can cut to give it a broker outage. Logs, traces and delivered messages of every service are captured for
/// the privacy tests.
/// </summary>
public sealed class IcsSystem : IAsyncLifetime
{
    private readonly TestPlatform _platform = new("e2e");

    public string DemoPassword => _platform.Identity.DemoPassword;

    public string DemoClientSecret => _platform.Identity.DemoClientSecret;

    /// <summary>The identity service's signing key, so token tests can forge tokens that differ in one respect only.</summary>
    public RSA SigningKey => _platform.Identity.SigningKey;

    public Capture Capture => _platform.Capture;

    /// <summary>Every host looked up or requested by anything in the process since the system was created.</summary>
    public OutboundCalls OutboundCalls { get; } = new();

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
    public string Issuer => _platform.Issuer;

    /// <summary>The servers and the means to make more databases, roles, virtual hosts and users on them.</summary>
    public TestInfrastructure Infrastructure => _platform.Infrastructure;

    /// <summary>Each service's database with its owner and runtime roles, by database name without "db" (intake, advocacy).</summary>
    public IReadOnlyDictionary<string, TestServiceDatabase> Databases => _platform.Databases;

    public async ValueTask InitializeAsync()
    {
        await _platform.InitializeAsync();
        Identity = await _platform.StartIdentityAsync<IdentityProgram>();
        var handling = new ComplaintHandlingSystem(
            _platform, services => services.AddSingleton<IOutboxRelayObserver>(IntakeRelayCrash), ThroughIntakeBrokerLink);
        await handling.StartAsync();
        (Intake, Case, Advocacy) = (handling.Intake, handling.Case, handling.Advocacy);
        // Learning reads case events and asks intake's directory which providers an ICB commissions; reporting reads
        // every service's events into its log and asks intake's directory about organisations.
        var directory = new Dictionary<string, string?> { ["Services:Intake:Grpc"] = Intake.GrpcAddress.ToString() };
        // Learning also reads, under its own identity, the changes a sent final response committed to from case (ADR 44).
        Learning = (await _platform.CreateServiceAsync<LearningProgram, LearningDbContext>("learning", "learning", LearningDbContext.Schema, new Dictionary<string, string?>(directory)
        {
            ["Services:Case:Grpc"] = Case.GrpcAddress.ToString(),
            ["Learning:ServiceIdentity:ClientSecret"] = _platform.Identity.LearningClientSecret,
        })).Start();
        Reporting = (await _platform.CreateServiceAsync<ReportingProgram, ReportingDbContext>("reporting", "reporting", ReportingDbContext.Schema, directory)).Start();
        Gateway = _platform.CreateHost<GatewayProgram>(GatewaySettings(permitLimit: 100_000)).Start();
        LimitedGateway = _platform.CreateHost<GatewayProgram>(GatewaySettings(permitLimit: 3)).Start();

        // Learning and reporting declare their queues when their buses start; wait for that before anything is published.
        await TestPlatform.ConnectedToBrokerAsync(Learning);
        await TestPlatform.ConnectedToBrokerAsync(Reporting);
    }

    private Uri ThroughIntakeBrokerLink(Uri broker)
    {
        IntakeBrokerLink = new TcpProxy(broker.Host, broker.Port);
        return new UriBuilder(broker) { Port = IntakeBrokerLink.Port }.Uri;
    }

    /// <summary>A gateway of its own in front of the same services, with settings of its own over the usual ones; the caller disposes it.</summary>
    public ServiceHost<GatewayProgram> StartGateway(IReadOnlyDictionary<string, string?> settings) =>
        _platform.CreateHost<GatewayProgram>(GatewaySettings(permitLimit: 100_000).Concat(settings).GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.Last().Value)).Start();

    private Dictionary<string, string?> GatewaySettings(int permitLimit) => new Dictionary<string, string?>
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
    }.Concat(permitLimit < 100 ? [new("Gateway:TrustedProxies:0", "127.0.0.1")] : []).ToDictionary();

    /// <summary>An access token for a demo user (password grant), optionally for one of their organisations.</summary>
    public Task<string> TokenAsync(string userName, string? organisation = null) => _platform.TokenAsync(userName, organisation);

    /// <summary>An access token for a demo integration client (client credentials).</summary>
    public Task<string> ClientTokenAsync(string clientId) => _platform.ClientTokenAsync(clientId);

    /// <summary>An access token of the correspondence service's own client (ADR 36).</summary>
    public Task<string> CorrespondenceTokenAsync() => _platform.Identity.CorrespondenceTokenAsync();

    /// <summary>An access token of the learning service's own client (ADR 44).</summary>
    public Task<string> LearningTokenAsync() => _platform.Identity.LearningTokenAsync();

    /// <summary>A client for the gateway's REST port, with a bearer token when given.</summary>
    public HttpClient GatewayHttp(string? token = null) => Gateway.Http(token);

    /// <summary>Runs a query against the case database.</summary>
    public Task<T> InCaseDb<T>(Func<CaseDbContext, Task<T>> query) => Case.QueryAsync(query);

    /// <summary>Runs a query against the reporting database.</summary>
    public Task<T> InReportingDb<T>(Func<ReportingDbContext, Task<T>> query) => Reporting.QueryAsync(query);

    /// <summary>Runs a query against the learning database.</summary>
    public Task<T> InLearningDb<T>(Func<LearningDbContext, Task<T>> query) => Learning.QueryAsync(query);

    /// <summary>Runs a query against the advocacy-referral database.</summary>
    public Task<T> InAdvocacyDb<T>(Func<AdvocacyDbContext, Task<T>> query) => Advocacy.QueryAsync(query);

    /// <summary>Runs a query against the intake database.</summary>
    public Task<T> InIntakeDb<T>(Func<IntakeDbContext, Task<T>> query) => Intake.QueryAsync(query);

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
    public IReadOnlyList<string> DatabaseConnectionStrings() => [.. Databases.Values.Select(d => d.ConnectionString)];

    public async ValueTask DisposeAsync()
    {
        await _platform.DisposeAsync();
        OutboundCalls.Dispose();
        if (IntakeBrokerLink is not null)
        {
            await IntakeBrokerLink.DisposeAsync();
        }
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
