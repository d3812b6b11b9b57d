extern alias identity;
using System.Security.Cryptography;
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
    private readonly TestPlatform _platform = new("identity");

    public ServiceHost<IdentityProgram> Identity { get; private set; } = null!;

    public string DemoPassword => _platform.Identity.DemoPassword;

    /// <summary>The signing key, so token tests can forge tokens that differ in one respect only.</summary>
    public RSA SigningKey => _platform.Identity.SigningKey;

    /// <summary>The token issuer: the service's own address.</summary>
    public string Issuer => _platform.Issuer;

    public async ValueTask InitializeAsync()
    {
        await _platform.InitializeAsync();
        Identity = await _platform.StartIdentityAsync<IdentityProgram>();
    }

    /// <summary>An access token for a demo user (password grant), optionally for one of their organisations.</summary>
    public Task<string> TokenAsync(string userName, string? organisation = null) => _platform.TokenAsync(userName, organisation);

    /// <summary>An access token for a demo integration client (client credentials).</summary>
    public Task<string> ClientTokenAsync(string clientId) => _platform.ClientTokenAsync(clientId);

    public ValueTask DisposeAsync() => _platform.DisposeAsync();
}
