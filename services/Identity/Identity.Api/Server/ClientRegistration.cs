using IcsComplaints.ServiceDefaults;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IcsComplaints.Identity.Api.Server;

/// <summary>
/// Registers the platform's own clients during <c>migrate</c>: <c>ics-web</c> (the web interface: authorization
/// code with PKCE), <c>correspondence</c> and <c>learning</c> (each service's own identity, when its secret is set) and,
/// in the development profile with the password grant on, <c>ics-cli</c> (scripts and tests).
/// </summary>
public sealed class ClientRegistration(IOptions<IdentitySettings> settings, IHostEnvironment environment) : IDeploymentStep
{
    /// <summary>Client id of the web interface.</summary>
    public const string WebClientId = "ics-web";

    /// <summary>Client id for scripts and tests (password grant, development only).</summary>
    public const string CliClientId = "ics-cli";

    /// <summary>Client id of the correspondence service (client credentials; role <see cref="IcsComplaints.Platform.Security.Roles.CorrespondenceService"/>).</summary>
    public const string CorrespondenceClientId = "correspondence";

    /// <summary>Client id of the learning service (client credentials; role <see cref="IcsComplaints.Platform.Security.Roles.LearningService"/>).</summary>
    public const string LearningClientId = "learning";

    /// <summary>The platform's own services, by client id, with the one role each is given: bound to no organisation.</summary>
    public static readonly IReadOnlyDictionary<string, string> ServiceClients = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [CorrespondenceClientId] = IcsComplaints.Platform.Security.Roles.CorrespondenceService,
        [LearningClientId] = IcsComplaints.Platform.Security.Roles.LearningService,
    };

    /// <inheritdoc />
    public string Name => "OpenID Connect clients";

    /// <inheritdoc />
    public async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();

        var web = new OpenIddictApplicationDescriptor
        {
            ClientId = WebClientId,
            ClientType = ClientTypes.Public,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "IcsComplaints web interface",
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile, Permissions.Scopes.Roles, Permissions.Prefixes.Scope + TokenPrincipals.ApiScope,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var uri in settings.Value.WebRedirectUris)
        {
            web.RedirectUris.Add(new Uri(uri));
        }
        foreach (var uri in settings.Value.WebPostLogoutRedirectUris)
        {
            web.PostLogoutRedirectUris.Add(new Uri(uri));
        }
        await UpsertAsync(applications, web, cancellationToken);

        foreach (var (clientId, secret, name) in new[]
        {
            (CorrespondenceClientId, settings.Value.CorrespondenceClientSecret, "IcsComplaints correspondence service"),
            (LearningClientId, settings.Value.LearningClientSecret, "IcsComplaints learning service"),
        })
        {
            if (!string.IsNullOrEmpty(secret))
            {
                await UpsertAsync(applications, new OpenIddictApplicationDescriptor
                {
                    ClientId = clientId,
                    ClientSecret = secret,
                    ClientType = ClientTypes.Confidential,
                    DisplayName = name,
                    Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials, Permissions.Prefixes.Scope + TokenPrincipals.ApiScope },
                }, cancellationToken);
            }
        }

        if (settings.Value.EnablePasswordGrant && ServerCredentials.IsDevelopmentProfile(environment))
        {
            await UpsertAsync(applications, new OpenIddictApplicationDescriptor
            {
                ClientId = CliClientId,
                ClientType = ClientTypes.Public,
                DisplayName = "IcsComplaints scripts and tests (development only)",
                Permissions =
                {
                    Permissions.Endpoints.Token, Permissions.GrantTypes.Password, Permissions.GrantTypes.RefreshToken,
                    Permissions.Prefixes.Scope + TokenPrincipals.ApiScope,
                },
            }, cancellationToken);
        }
    }

    /// <summary>Creates the client, or brings an existing one up to date.</summary>
    public static async Task UpsertAsync(IOpenIddictApplicationManager applications, OpenIddictApplicationDescriptor descriptor, CancellationToken ct)
    {
        var existing = await applications.FindByClientIdAsync(descriptor.ClientId!, ct);
        if (existing is null)
        {
            await applications.CreateAsync(descriptor, ct);
        }
        else
        {
            await applications.UpdateAsync(existing, descriptor, ct);
        }
    }
}
