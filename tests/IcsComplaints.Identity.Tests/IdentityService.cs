extern alias identity;
using System.Security.Cryptography;
using IcsComplaints.ServiceDefaults;
using IcsComplaints.TestKit;
using IdentityProgram = identity::Program;

[assembly: AssemblyFixture(typeof(IcsComplaints.Identity.Tests.IdentityService))]
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]

namespace IcsComplaints.Identity.Tests;

/// <summary>
/// The identity service alone, on real Kestrel over its own PostgreSQL database (migrated as its owner role, used with
/// its runtime role), with the demo users and clients: what sign-in, tokens and lockout need, and nothing else.
/// </summary>
public sealed class IdentityService : IAsyncLifetime
{
    private readonly TestInfrastructure _infrastructure = new();
    private readonly DemoIdentity _identity = new();
    private TestServiceDatabase? _database;

    public ServiceHost<IdentityProgram> Identity { get; private set; } = null!;

    public string DemoPassword => _identity.DemoPassword;

    /// <summary>The signing key, so token tests can forge tokens that differ in one respect only.</summary>
    public RSA SigningKey => _identity.SigningKey;

    /// <summary>The token issuer: the service's own address.</summary>
    public string Issuer => Identity.HttpAddress.ToString();

    public async ValueTask InitializeAsync()
    {
        await _infrastructure.InitializeAsync();
        _database = await _infrastructure.CreateServiceDatabaseAsync("identity");
        var settings = _identity.Settings(_database);
        settings["Logging:Console:LogLevel:Default"] = "Warning";
        Identity = new ServiceHost<IdentityProgram>(settings);
        Identity.With("Identity:Issuer", Identity.HttpAddress.ToString()).With("Authentication:Authority", Identity.HttpAddress.ToString()).Start();
        await ServiceCommands.MigrateAsync(Identity.Services);
        _identity.IssueFrom(Identity.CreateHttpClient);
    }

    /// <summary>An access token for a demo user (password grant), optionally for one of their organisations.</summary>
    public Task<string> TokenAsync(string userName, string? organisation = null) => _identity.TokenAsync(userName, organisation);

    /// <summary>An access token for a demo integration client (client credentials).</summary>
    public Task<string> ClientTokenAsync(string clientId) => _identity.ClientTokenAsync(clientId);

    public async ValueTask DisposeAsync()
    {
        if (Identity is not null)
        {
            await Identity.DisposeAsync();
        }
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
        await _infrastructure.DisposeAsync();
        _identity.Dispose();
    }
}
