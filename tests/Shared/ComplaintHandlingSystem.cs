// Compiled into the intake, case and advocacy-referral test projects, whose fixture it is (ComplaintHandlingFixture.cs),
// into the end-to-end project, which starts the same three services within the whole system, and into the
// correspondence project, whose letters follow a complaint through them; each references the
// three services with these aliases. The three hand a complaint to each other at every step, so each one's tests need
// the other two.
extern alias advocacy;
extern alias cases;
extern alias identity;
extern alias intake;
using IcsComplaints.TestKit;
using Microsoft.Extensions.DependencyInjection;
using AdvocacyDbContext = advocacy::IcsComplaints.AdvocacyReferral.Api.Data.AdvocacyDbContext;
using AdvocacyDirectorySeed = advocacy::IcsComplaints.AdvocacyReferral.Api.Data.AdvocacyDirectorySeed;
using AdvocacyProgram = advocacy::Program;
using CaseDbContext = cases::IcsComplaints.Case.Api.Data.CaseDbContext;
using CaseProgram = cases::Program;
using DirectorySeed = intake::IcsComplaints.Intake.Api.Data.DirectorySeed;
using IdentityProgram = identity::Program;
using IntakeDbContext = intake::IcsComplaints.Intake.Api.Data.IntakeDbContext;
using IntakeProgram = intake::Program;

namespace IcsComplaints.ComplaintHandling.Tests;

/// <summary>
/// The services that handle a complaint, on real Kestrel over the <see cref="TestPlatform"/>: intake (with its
/// organisation directory), the case service its complaints open cases in, and the advocacy-referral service the
/// case service asks about an advocate's consent and review, with tokens from the identity service. No gateway, no
/// learning or reporting: tests call each service's own port.
/// </summary>
public sealed class ComplaintHandlingSystem : IAsyncLifetime
{
    private readonly TestPlatform _platform;
    private readonly bool _ownsPlatform;
    private readonly Action<IServiceCollection>? _intakeServices;
    private readonly Func<Uri, Uri>? _intakeBrokerLink;

    /// <summary>The three services on a platform of their own, identity included.</summary>
    public ComplaintHandlingSystem()
        : this(new TestPlatform("handling"), intakeServices: null, intakeBrokerLink: null) => _ownsPlatform = true;

    /// <summary>
    /// The three services on a platform whose identity service already runs, intake with more services (such as a
    /// relay observer) and reaching RabbitMQ through a link, as the whole system runs them.
    /// </summary>
    internal ComplaintHandlingSystem(TestPlatform platform, Action<IServiceCollection>? intakeServices, Func<Uri, Uri>? intakeBrokerLink)
    {
        _platform = platform;
        _intakeServices = intakeServices;
        _intakeBrokerLink = intakeBrokerLink;
    }

    public Capture Capture => _platform.Capture;

    public ServiceHost<IntakeProgram> Intake { get; private set; } = null!;

    public ServiceHost<CaseProgram> Case { get; private set; } = null!;

    public ServiceHost<AdvocacyProgram> Advocacy { get; private set; } = null!;

    private ServiceRoutes Routes { get; set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await _platform.InitializeAsync();
        await _platform.StartIdentityAsync<IdentityProgram>();
        await StartAsync();
    }

    /// <summary>Starts the three services, their directories seeded, once the platform's identity service runs.</summary>
    internal async Task StartAsync()
    {
        Intake = await _platform.CreateServiceAsync<IntakeProgram, IntakeDbContext>(
            "intake", "intake", IntakeDbContext.Schema, services: _intakeServices, brokerLink: _intakeBrokerLink);
        // The advocacy-referral service asks intake whether a complainant's reference and status secret go together.
        Advocacy = await _platform.CreateServiceAsync<AdvocacyProgram, AdvocacyDbContext>(
            "advocacy-referral", "advocacy", AdvocacyDbContext.Schema, new Dictionary<string, string?> { ["Services:Intake:Grpc"] = Intake.GrpcAddress.ToString() });
        // The case service asks intake for a complainant's address when it writes a letter, and the advocacy-referral
        // service whether an advocate's consent is in force.
        Case = (await _platform.CreateServiceAsync<CaseProgram, CaseDbContext>("case", "case", CaseDbContext.Schema, new Dictionary<string, string?>
        {
            ["Services:Intake:Grpc"] = Intake.GrpcAddress.ToString(),
            ["Services:Advocacy:Grpc"] = Advocacy.GrpcAddress.ToString(),
        })).Start();
        Advocacy.Start();
        await TestPlatform.RunDeploymentStepAsync<AdvocacyDirectorySeed>(Advocacy.Services);
        // Intake asks the advocacy-referral service whether an advocate's consent lets them have the complainant's contact details.
        Intake.With("Services:Advocacy:Grpc", Advocacy.GrpcAddress.ToString()).Start();
        await TestPlatform.RunDeploymentStepAsync<DirectorySeed>(Intake.Services);
        Routes = new ServiceRoutes()
            .Route("/api/v1/complaints", Intake.HttpAddress).Route("/api/v1/concerns", Intake.HttpAddress).Route("/api/v1/organisations", Intake.HttpAddress)
            .Route("/api/v1/cases", Case.HttpAddress).Route("/api/v1/case-settings", Case.HttpAddress).Route("/api/v1/surveys", Case.HttpAddress)
            .Route("/api/v1/complaint-documents", Case.HttpAddress)
            .Route("/api/v1/advocacy", Advocacy.HttpAddress).Route("/api/v1/advocacy-services", Advocacy.HttpAddress);
        // The case service declares its queues when its bus starts: wait for that before a complaint is submitted.
        await TestPlatform.ConnectedToBrokerAsync(Case);
    }

    /// <summary>An access token for a demo user (password grant), optionally for one of their organisations.</summary>
    public Task<string> TokenAsync(string userName, string? organisation = null) => _platform.TokenAsync(userName, organisation);

    /// <summary>An access token for a demo integration client (client credentials).</summary>
    public Task<string> ClientTokenAsync(string clientId) => _platform.ClientTokenAsync(clientId);

    /// <summary>A client that sends each request to the service of its path, with a bearer token when given.</summary>
    public HttpClient Http(string? token = null) => Routes.Client(token);

    /// <summary>Runs a query against the intake database.</summary>
    public Task<T> InIntakeDb<T>(Func<IntakeDbContext, Task<T>> query) => Intake.QueryAsync(query);

    /// <summary>Runs a query against the case database.</summary>
    public Task<T> InCaseDb<T>(Func<CaseDbContext, Task<T>> query) => Case.QueryAsync(query);

    /// <summary>Runs a query against the advocacy-referral database.</summary>
    public Task<T> InAdvocacyDb<T>(Func<AdvocacyDbContext, Task<T>> query) => Advocacy.QueryAsync(query);

    public ValueTask DisposeAsync() => _ownsPlatform ? _platform.DisposeAsync() : ValueTask.CompletedTask;
}
