extern alias identity;
using System.Security.Cryptography;
using IcsComplaints.ServiceDefaults;
using IcsComplaints.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;
using IdentityProgram = identity::Program;

namespace IcsComplaints.Identity.Tests;

/// <summary>
/// Two identity services, each over its own database with the demo users: an "external provider" standing in for NHS
/// CIS2 and NHS login (an OpenID Connect server like them, reached as <c>localhost</c> so that a browser keeps its
/// cookies apart from the other's), and the identity service under test, which federates to it as provider
/// <c>Cis2</c> (staff, client secret) and <c>NhsLogin</c> (public, private_key_jwt), each with a confidential client
/// registered at the provider for it.
/// </summary>
public sealed class FederatedIdentity : IAsyncLifetime
{
    /// <summary>Where the portal's client (<c>ics-web</c>) is sent back to; no server listens there.</summary>
    public const string PortalRedirect = "http://127.0.0.1/signin-callback";

    public const string StaffButton = "Sign in with NHS Care Identity Service 2";

    public const string PublicButton = "Sign in with NHS login";

    private readonly TestInfrastructure _infrastructure = new();
    private readonly DemoIdentity _providerIdentity = new();
    private readonly DemoIdentity _federatingIdentity = new();
    private readonly RSA _clientKey = RSA.Create(2048);
    private readonly string _staffClientSecret = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
    private TestServiceDatabase? _providerDatabase;
    private TestServiceDatabase? _federatingDatabase;

    /// <summary>The external provider.</summary>
    public ServiceHost<IdentityProgram> Provider { get; private set; } = null!;

    /// <summary>The identity service under test, federating to <see cref="Provider"/>.</summary>
    public ServiceHost<IdentityProgram> Identity { get; private set; } = null!;

    /// <summary>The external provider's address, as browsers and the federating service reach it.</summary>
    public Uri ProviderAddress => new($"http://localhost:{Provider.HttpPort}/");

    /// <summary>Password of every demo user at the external provider.</summary>
    public string DemoPassword => _providerIdentity.DemoPassword;

    public async ValueTask InitializeAsync()
    {
        await _infrastructure.InitializeAsync();
        _providerDatabase = await _infrastructure.CreateServiceDatabaseAsync("idp");
        _federatingDatabase = await _infrastructure.CreateServiceDatabaseAsync("identity");

        var providerSettings = _providerIdentity.Settings(_providerDatabase);
        providerSettings["Logging:Console:LogLevel:Default"] = "Warning";
        Provider = new ServiceHost<IdentityProgram>(providerSettings);
        Provider.With("Identity:Issuer", ProviderAddress.ToString()).With("Authentication:Authority", ProviderAddress.ToString()).Start();
        await ServiceCommands.MigrateAsync(Provider.Services);
        _providerIdentity.IssueFrom(Provider.CreateHttpClient);

        var settings = _federatingIdentity.Settings(_federatingDatabase);
        settings["Logging:Console:LogLevel:Default"] = "Warning";
        Identity = new ServiceHost<IdentityProgram>(settings);
        await RegisterClientsAtProviderAsync();
        Identity.With("Identity:Issuer", Identity.HttpAddress.ToString()).With("Authentication:Authority", Identity.HttpAddress.ToString());
        foreach (var (key, value) in ProviderSettings(ProviderAddress))
        {
            Identity.With(key, value);
        }
        Identity.Start();
        await ServiceCommands.MigrateAsync(Identity.Services);
        _federatingIdentity.IssueFrom(Identity.CreateHttpClient);
    }

    /// <summary>The external providers' settings of the service under test, with the provider at <paramref name="authority"/>.</summary>
    public Dictionary<string, string?> ProviderSettings(Uri authority) => new()
    {
        ["Identity:ExternalProviders:Cis2:DisplayName"] = StaffButton,
        ["Identity:ExternalProviders:Cis2:Authority"] = authority.ToString(),
        ["Identity:ExternalProviders:Cis2:ClientId"] = "ics-federation-staff",
        ["Identity:ExternalProviders:Cis2:ClientSecret"] = _staffClientSecret,
        ["Identity:ExternalProviders:Cis2:Audience"] = "Staff",
        ["Identity:ExternalProviders:NhsLogin:DisplayName"] = PublicButton,
        ["Identity:ExternalProviders:NhsLogin:Authority"] = authority.ToString(),
        ["Identity:ExternalProviders:NhsLogin:ClientId"] = "ics-federation-public",
        ["Identity:ExternalProviders:NhsLogin:PrivateKey"] = _clientKey.ExportPkcs8PrivateKeyPem(),
        ["Identity:ExternalProviders:NhsLogin:PrivateKeyId"] = "federation-test",
        // The stand-in is OpenIddict 7, which takes assertions written to draft-ietf-oauth-rfc7523bis only.
        ["Identity:ExternalProviders:NhsLogin:ClientAssertion"] = "Rfc7523bis",
        ["Identity:ExternalProviders:NhsLogin:Audience"] = "Public",
    };

    /// <summary>An access token for a demo user of the service under test (password grant).</summary>
    public Task<string> TokenAsync(string userName) => _federatingIdentity.TokenAsync(userName);

    /// <summary>An access token for a demo user of the external provider (password grant).</summary>
    public Task<string> ProviderTokenAsync(string userName) => _providerIdentity.TokenAsync(userName);

    // What CIS2 and NHS login do when a service is onboarded: a confidential client for its callback address, one
    // authenticated by secret, the other by a key whose public half the provider holds.
    private async Task RegisterClientsAtProviderAsync()
    {
        await using var scope = Provider.Services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var staff = Client("ics-federation-staff", "cis2");
        staff.ClientSecret = _staffClientSecret;
        await applications.CreateAsync(staff);
        var publicClient = Client("ics-federation-public", "nhslogin");
        var publicKey = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_clientKey.ExportParameters(false)) { KeyId = "federation-test" });
        publicClient.JsonWebKeySet = new JsonWebKeySet { Keys = { publicKey } };
        await applications.CreateAsync(publicClient);
    }

    private OpenIddictApplicationDescriptor Client(string clientId, string provider)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientType = ClientTypes.Confidential,
            ConsentType = ConsentTypes.Implicit,
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token,
                Permissions.GrantTypes.AuthorizationCode, Permissions.ResponseTypes.Code,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        descriptor.RedirectUris.Add(new Uri(Identity.HttpAddress, $"/account/external/{provider}/callback"));
        return descriptor;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in new[] { Identity, Provider })
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }
        }
        foreach (var database in new[] { _federatingDatabase, _providerDatabase })
        {
            if (database is not null)
            {
                await database.DisposeAsync();
            }
        }
        await _infrastructure.DisposeAsync();
        _providerIdentity.Dispose();
        _federatingIdentity.Dispose();
        _clientKey.Dispose();
    }
}
