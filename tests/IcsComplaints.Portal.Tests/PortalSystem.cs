extern alias advocacy;
extern alias cases;
extern alias correspondence;
extern alias gateway;
extern alias identity;
extern alias intake;
extern alias learning;
extern alias portal;
extern alias reporting;
using IcsComplaints.ServiceDefaults;
using IcsComplaints.TestKit;
using Microsoft.Extensions.DependencyInjection;
using AdvocacyDbContext = advocacy::IcsComplaints.AdvocacyReferral.Api.Data.AdvocacyDbContext;
using AdvocacyDirectorySeed = advocacy::IcsComplaints.AdvocacyReferral.Api.Data.AdvocacyDirectorySeed;
using AdvocacyProgram = advocacy::Program;
using CaseDbContext = cases::IcsComplaints.Case.Api.Data.CaseDbContext;
using CaseProgram = cases::Program;
using CorrespondenceDbContext = correspondence::IcsComplaints.Correspondence.Api.Data.CorrespondenceDbContext;
using CorrespondenceProgram = correspondence::Program;
using DirectorySeed = intake::IcsComplaints.Intake.Api.Data.DirectorySeed;
using GatewayProgram = gateway::Program;
using IdentityProgram = identity::Program;
using IntakeDbContext = intake::IcsComplaints.Intake.Api.Data.IntakeDbContext;
using IntakeProgram = intake::Program;
using LearningDbContext = learning::IcsComplaints.Learning.Api.Data.LearningDbContext;
using LearningProgram = learning::Program;
using PortalProgram = portal::Program;
using ReportingDbContext = reporting::IcsComplaints.Reporting.Api.Data.ReportingDbContext;
using ReportingProgram = reporting::Program;

[assembly: AssemblyFixture(typeof(IcsComplaints.Portal.Tests.PortalSystem))]
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]

namespace IcsComplaints.Portal.Tests;

/// <summary>
/// What the portal's users reach: the gateway, with the portal behind it at <c>/</c> and the identity, intake, case,
/// advocacy-referral, learning, reporting and correspondence services behind it at <c>/api</c> (correspondence sending
/// to a real SMTP mail catcher), each on its own PostgreSQL database and RabbitMQ user. The
/// gateway's address is the public address: tokens are issued for it and the browser only ever talks to it.
/// </summary>
public sealed class PortalSystem : IAsyncLifetime
{
    /// <summary>The ICB the portal runs for in the tests (demo data: South East London).</summary>
    public const string Icb = "QKK";

    private readonly TestInfrastructure _infrastructure = new();
    private readonly DemoIdentity _identity = new();
    private readonly List<IAsyncDisposable> _resources = [];

    public string DemoPassword => _identity.DemoPassword;

    public ServiceHost<IdentityProgram> Identity { get; private set; } = null!;

    public ServiceHost<IntakeProgram> Intake { get; private set; } = null!;

    public ServiceHost<AdvocacyProgram> Advocacy { get; private set; } = null!;

    public ServiceHost<CaseProgram> Case { get; private set; } = null!;

    public ServiceHost<LearningProgram> Learning { get; private set; } = null!;

    public ServiceHost<CorrespondenceProgram> Correspondence { get; private set; } = null!;

    /// <summary>The SMTP mail catcher correspondence sends to.</summary>
    public MailCatcher Mail { get; private set; } = null!;

    public ServiceHost<ReportingProgram> Reporting { get; private set; } = null!;

    public ServiceHost<PortalProgram> Portal { get; private set; } = null!;

    public ServiceHost<GatewayProgram> Gateway { get; private set; } = null!;

    /// <summary>The address people use: the gateway.</summary>
    public Uri PublicAddress => Gateway.HttpAddress;

    /// <summary>Every host looked up, requested or connected to by anything in the process since the system was created.</summary>
    public OutboundCalls OutboundCalls { get; } = new();

    /// <summary>The hosts the settings name: loopback, where everything here listens, and the servers.</summary>
    public IReadOnlyList<string> ConfiguredHosts => NoCallsHome.ConfiguredHosts(_infrastructure);

    /// <summary>Each service, the portal and the gateway: its name and its services.</summary>
    public IReadOnlyList<(string Name, IServiceProvider Services)> Hosts() =>
    [
        ("identity", Identity.Services), ("intake", Intake.Services), ("advocacy-referral", Advocacy.Services), ("case", Case.Services),
        ("learning", Learning.Services), ("reporting", Reporting.Services), ("correspondence", Correspondence.Services),
        ("portal", Portal.Services), ("gateway", Gateway.Services),
    ];

    public async ValueTask InitializeAsync()
    {
        await _infrastructure.InitializeAsync();
        var identityDb = await Own(_infrastructure.CreateServiceDatabaseAsync("identity"));
        var intakeDb = await Own(_infrastructure.CreateServiceDatabaseAsync("intake"));
        var advocacyDb = await Own(_infrastructure.CreateServiceDatabaseAsync("advocacy"));
        var vhost = await Own(_infrastructure.CreateVirtualHostAsync("portal"));
        var intakeBroker = await Own(_infrastructure.CreateBrokerUserAsync(vhost, "intake"));
        var advocacyBroker = await Own(_infrastructure.CreateBrokerUserAsync(vhost, "advocacy-referral"));
        var caseDb = await Own(_infrastructure.CreateServiceDatabaseAsync("case"));
        var caseBroker = await Own(_infrastructure.CreateBrokerUserAsync(vhost, "case"));
        await DatabaseExtensions.MigrateAsync<CaseDbContext>(caseDb.OwnerConnectionString, CaseDbContext.Schema, caseDb.ConnectionString);
        await DatabaseExtensions.MigrateAsync<IntakeDbContext>(intakeDb.OwnerConnectionString, IntakeDbContext.Schema, intakeDb.ConnectionString);
        await DatabaseExtensions.MigrateAsync<AdvocacyDbContext>(advocacyDb.OwnerConnectionString, AdvocacyDbContext.Schema, advocacyDb.ConnectionString);
        var learningDb = await Own(_infrastructure.CreateServiceDatabaseAsync("learning"));
        var learningBroker = await Own(_infrastructure.CreateBrokerUserAsync(vhost, "learning"));
        await DatabaseExtensions.MigrateAsync<LearningDbContext>(learningDb.OwnerConnectionString, LearningDbContext.Schema, learningDb.ConnectionString);
        var reportingDb = await Own(_infrastructure.CreateServiceDatabaseAsync("reporting"));
        var reportingBroker = await Own(_infrastructure.CreateBrokerUserAsync(vhost, "reporting"));
        await DatabaseExtensions.MigrateAsync<ReportingDbContext>(reportingDb.OwnerConnectionString, ReportingDbContext.Schema, reportingDb.ConnectionString);

        var correspondenceDb = await Own(_infrastructure.CreateServiceDatabaseAsync("correspondence"));
        var correspondenceBroker = await Own(_infrastructure.CreateBrokerUserAsync(vhost, "correspondence"));
        await DatabaseExtensions.MigrateAsync<CorrespondenceDbContext>(correspondenceDb.OwnerConnectionString, CorrespondenceDbContext.Schema, correspondenceDb.ConnectionString);
        Mail = await MailCatcher.StartAsync();

        // The gateway's ports are known before anything starts, so every service can be told the public address.
        Gateway = new ServiceHost<GatewayProgram>(Quiet([]));
        var issuer = Gateway.HttpAddress.ToString();

        var identitySettings = _identity.Settings(identityDb);
        identitySettings["Identity:Issuer"] = issuer;
        identitySettings["Identity:WebRedirectUris:0"] = issuer + "signin-callback";
        identitySettings["Identity:WebPostLogoutRedirectUris:0"] = issuer + "signout-callback";
        Identity = new ServiceHost<IdentityProgram>(Common(identitySettings, issuer)).Start();
        await ServiceCommands.MigrateAsync(Identity.Services);
        _identity.IssueFrom(Identity.CreateHttpClient);

        // Intake and the advocacy-referral service call each other: both addresses are known before either starts.
        Intake = new ServiceHost<IntakeProgram>(Common(new()
        {
            ["ConnectionStrings:intakedb"] = intakeDb.ConnectionString,
            ["ConnectionStrings:rabbitmq"] = intakeBroker.AmqpUri.ToString(),
        }, issuer));
        Advocacy = new ServiceHost<AdvocacyProgram>(Common(new()
        {
            ["ConnectionStrings:advocacydb"] = advocacyDb.ConnectionString,
            ["ConnectionStrings:rabbitmq"] = advocacyBroker.AmqpUri.ToString(),
            ["Services:Intake:Grpc"] = Intake.GrpcAddress.ToString(),
        }, issuer));
        Intake.With("Services:Advocacy:Grpc", Advocacy.GrpcAddress.ToString()).Start();
        await Intake.Services.GetServices<IDeploymentStep>().OfType<DirectorySeed>().Single().RunAsync(Intake.Services, CancellationToken.None);
        Advocacy.Start();
        // A complaint opens its case, which a request for advocacy needs.
        Case = new ServiceHost<CaseProgram>(Common(new()
        {
            ["ConnectionStrings:casedb"] = caseDb.ConnectionString,
            ["ConnectionStrings:rabbitmq"] = caseBroker.AmqpUri.ToString(),
            ["Services:Intake:Grpc"] = Intake.GrpcAddress.ToString(),
            ["Services:Advocacy:Grpc"] = Advocacy.GrpcAddress.ToString(),
        }, issuer)).Start();
        await Advocacy.Services.GetServices<IDeploymentStep>().OfType<AdvocacyDirectorySeed>().Single().RunAsync(Advocacy.Services, CancellationToken.None);
        // Learning codes the cases the case service opens (the quality lead's pages); its queues must exist before a case opens.
        Learning = new ServiceHost<LearningProgram>(Common(new()
        {
            ["ConnectionStrings:learningdb"] = learningDb.ConnectionString,
            ["ConnectionStrings:rabbitmq"] = learningBroker.AmqpUri.ToString(),
            ["Services:Intake:Grpc"] = Intake.GrpcAddress.ToString(),
            // Its own identity, to read the changes a sent final response committed to from case (ADR 44).
            ["Learning:ServiceIdentity:ClientSecret"] = _identity.LearningClientSecret,
            ["Services:Case:Grpc"] = Case.GrpcAddress.ToString(),
        }, issuer)).Start();
        await TestPlatform.ConnectedToBrokerAsync(Learning);
        // Reporting counts what the case service reports (the commissioner's oversight pages); likewise before a case opens.
        Reporting = new ServiceHost<ReportingProgram>(Common(new()
        {
            ["ConnectionStrings:reportingdb"] = reportingDb.ConnectionString,
            ["ConnectionStrings:rabbitmq"] = reportingBroker.AmqpUri.ToString(),
            ["Services:Intake:Grpc"] = Intake.GrpcAddress.ToString(),
        }, issuer)).Start();
        await TestPlatform.ConnectedToBrokerAsync(Reporting);

        // Correspondence hears of each case as it opens and of its deadlines; its queues too must exist before a case opens.
        Correspondence = new ServiceHost<CorrespondenceProgram>(Common(new()
        {
            ["ConnectionStrings:correspondencedb"] = correspondenceDb.ConnectionString,
            ["ConnectionStrings:rabbitmq"] = correspondenceBroker.AmqpUri.ToString(),
            ["Correspondence:Smtp:Host"] = "127.0.0.1",
            ["Correspondence:Smtp:Port"] = Mail.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Correspondence:PollInterval"] = "00:00:00.200",
            ["Correspondence:Notify:CallbackToken"] = NotifyCallbackToken,
            // Its own identity, to read a complainant's contact from intake when a letter is due (ADR 36).
            ["Correspondence:ServiceIdentity:ClientSecret"] = _identity.CorrespondenceClientSecret,
            ["Services:Intake:Grpc"] = Intake.GrpcAddress.ToString(),
            ["Services:Case:Grpc"] = Case.GrpcAddress.ToString(),
        }, issuer)).Start();
        await TestPlatform.ConnectedToBrokerAsync(Correspondence);

        Portal = new ServiceHost<PortalProgram>(Common(new()
        {
            ["Portal:Gateway"] = issuer,
            ["Portal:Authority"] = issuer,
            ["Portal:PublicAddress"] = issuer,
            ["Portal:RequireHttps"] = "false",
            ["Portal:IcbOdsCode"] = Icb,
            ["Portal:TrustedProxies:0"] = "127.0.0.1",
        }, issuer)).Start();

        foreach (var (key, value) in new Dictionary<string, string>
        {
            ["ReverseProxy:Clusters:identity-http:Destinations:identity:Address"] = Identity.HttpAddress.ToString(),
            ["ReverseProxy:Clusters:intake-http:Destinations:intake:Address"] = Intake.HttpAddress.ToString(),
            ["ReverseProxy:Clusters:intake-grpc:Destinations:intake:Address"] = Intake.GrpcAddress.ToString(),
            ["ReverseProxy:Clusters:advocacy-http:Destinations:advocacy:Address"] = Advocacy.HttpAddress.ToString(),
            ["ReverseProxy:Clusters:case-http:Destinations:case:Address"] = Case.HttpAddress.ToString(),
            ["ReverseProxy:Clusters:advocacy-grpc:Destinations:advocacy:Address"] = Advocacy.GrpcAddress.ToString(),
            ["ReverseProxy:Clusters:learning-http:Destinations:learning:Address"] = Learning.HttpAddress.ToString(),
            ["ReverseProxy:Clusters:learning-grpc:Destinations:learning:Address"] = Learning.GrpcAddress.ToString(),
            ["ReverseProxy:Clusters:reporting-http:Destinations:reporting:Address"] = Reporting.HttpAddress.ToString(),
            ["ReverseProxy:Clusters:reporting-grpc:Destinations:reporting:Address"] = Reporting.GrpcAddress.ToString(),
            ["ReverseProxy:Clusters:correspondence-http:Destinations:correspondence:Address"] = Correspondence.HttpAddress.ToString(),
            ["ReverseProxy:Clusters:correspondence-grpc:Destinations:correspondence:Address"] = Correspondence.GrpcAddress.ToString(),
            ["ReverseProxy:Clusters:portal-http:Destinations:portal:Address"] = Portal.HttpAddress.ToString(),
            ["Authentication:Authority"] = issuer,
            ["Authentication:RequireHttpsMetadata"] = "false",
            // The portal, on loopback, passes on each person's address; the limits count people, not the portal.
            ["Gateway:TrustedProxies:0"] = "127.0.0.1",
            ["RateLimits:PublicSubmission:PermitLimit"] = "10000",
            ["RateLimits:PublicStatus:PermitLimit"] = "10000",
            ["RateLimits:PublicRead:PermitLimit"] = "10000",
            ["RateLimits:SignIn:PermitLimit"] = "10000",
        })
        {
            Gateway.With(key, value);
        }
        Gateway.Start();
    }

    /// <summary>An access token for a demo user (password grant), for checking what the portal recorded.</summary>
    /// <summary>The bearer token GOV.UK Notify would present with its delivery receipts, as set for these tests.</summary>
    public const string NotifyCallbackToken = "portal-tests-notify-callback-token-0123456789";

    public Task<string> TokenAsync(string userName) => _identity.TokenAsync(userName);

    /// <summary>A client for the gateway's REST port, with a bearer token when given.</summary>
    public HttpClient GatewayHttp(string? token = null) => HttpClients.WithToken(Gateway.CreateHttpClient(), token);

    /// <summary>Runs a query against the intake database.</summary>
    public async Task<T> InIntakeDb<T>(Func<IntakeDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var scope = Intake.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<IntakeDbContext>());
    }

    /// <summary>Runs a query against the case database.</summary>
    public async Task<T> InCaseDb<T>(Func<CaseDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var scope = Case.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CaseDbContext>());
    }

    /// <summary>Runs a query against the correspondence database.</summary>
    public async Task<T> InCorrespondenceDb<T>(Func<CorrespondenceDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var scope = Correspondence.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CorrespondenceDbContext>());
    }

    private static Dictionary<string, string?> Quiet(Dictionary<string, string?> settings)
    {
        settings["Logging:Console:LogLevel:Default"] = "Warning";
        return settings;
    }

    private static Dictionary<string, string?> Common(Dictionary<string, string?> settings, string issuer)
    {
        settings["Authentication:Authority"] = issuer;
        settings["Authentication:RequireHttpsMetadata"] = "false";
        settings["Messaging:Relay:PollInterval"] = "00:00:00.250";
        // Files are scanned by the clamd ./ics test starts (TestClamd).
        settings["Documents:Scanner:Host"] = TestClamd.Host;
        settings["Documents:Scanner:Port"] = TestClamd.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Quiet(settings);
    }

    private async Task<T> Own<T>(Task<T> resource)
        where T : IAsyncDisposable
    {
        var created = await resource;
        _resources.Add(created);
        return created;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in new IAsyncDisposable?[] { Gateway, Portal, Correspondence, Reporting, Learning, Case, Advocacy, Intake, Identity })
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }
        }
        for (var i = _resources.Count - 1; i >= 0; i--)
        {
            await _resources[i].DisposeAsync();
        }
        await _infrastructure.DisposeAsync();
        if (Mail is not null)
        {
            await Mail.DisposeAsync();
        }
        _identity.Dispose();
        OutboundCalls.Dispose();
    }
}
