// Compiled into the learning and reporting test projects (each references intake and identity with these aliases):
// both services read events alone and ask only intake's organisation directory.
extern alias identity;
extern alias intake;
using IcsComplaints.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using DirectorySeed = intake::IcsComplaints.Intake.Api.Data.DirectorySeed;
using IdentityProgram = identity::Program;
using IntakeDbContext = intake::IcsComplaints.Intake.Api.Data.IntakeDbContext;
using IntakeProgram = intake::Program;

namespace IcsComplaints.DirectoryBacked.Tests;

/// <summary>
/// One service on real Kestrel over the <see cref="TestPlatform"/>, with the intake service it asks which
/// organisations exist and which providers an ICB commissions (its directory seeded), and tokens from the identity
/// service. Tests hand the service the events it consumes on its own queues, as the services that publish them would.
/// </summary>
public abstract class ServiceWithDirectory<TProgram, TDbContext>(string service, string database, string schema) : IAsyncLifetime
    where TProgram : class
    where TDbContext : DbContext
{
    private readonly TestPlatform _platform = new(service);

    public Capture Capture => _platform.Capture;

    /// <summary>The service under test.</summary>
    public ServiceHost<TProgram> Service { get; private set; } = null!;

    public ServiceHost<IntakeProgram> Intake { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await _platform.InitializeAsync();
        await _platform.StartIdentityAsync<IdentityProgram>();
        Intake = await _platform.CreateServiceAsync<IntakeProgram, IntakeDbContext>("intake", "intake", IntakeDbContext.Schema);
        Service = (await _platform.CreateServiceAsync<TProgram, TDbContext>(service, database, schema, new Dictionary<string, string?>
        {
            ["Services:Intake:Grpc"] = Intake.GrpcAddress.ToString(),
        }, ConfigureServices)).Start();
        Intake.Start();
        await TestPlatform.RunDeploymentStepAsync<DirectorySeed>(Intake.Services);
        // The service declares its queues when its bus starts: wait for that before an event is sent to them.
        await TestPlatform.ConnectedToBrokerAsync(Service);
    }

    /// <summary>Replaces what the service would ask of services other than intake, which the tests do not run.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>An access token for a demo user (password grant), optionally for one of their organisations.</summary>
    public Task<string> TokenAsync(string userName, string? organisation = null) => _platform.TokenAsync(userName, organisation);

    /// <summary>A client for the service's REST port, with a bearer token when given.</summary>
    public HttpClient Http(string? token = null) => Service.Http(token);

    public ValueTask DisposeAsync() => _platform.DisposeAsync();
}
