using IcsComplaints.Identity.Domain.Accounts;
using IcsComplaints.Identity.Api.Data;
using IcsComplaints.ServiceDefaults;
using IcsComplaints.Platform.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IcsComplaints.Identity.Api.Server;

/// <summary>
/// Demo organisations, one user per role per organisation, and integration clients, seeded by <c>migrate</c>
/// in the development profile when <c>Identity:SeedDemoData</c> is on. User names are <c>{role}.{ods code}</c>
/// in lower case (<c>handler.rj1</c>); every demo user has the password in <c>Identity:DemoPassword</c>.
/// </summary>
public sealed class DemoData(IOptions<IdentitySettings> settings, IHostEnvironment environment) : IDeploymentStep
{
    /// <summary>The demo organisations: one ICB with three providers (one a GP practice), a second ICB with one provider, and two advocacy services (London and the North West).</summary>
    public static readonly IReadOnlyList<Organisation> Organisations =
    [
        new("QKK", "NHS South East London Integrated Care Board", OrganisationTypes.Icb),
        new("RJ1", "Guy's and St Thomas' NHS Foundation Trust", OrganisationTypes.Provider),
        new("RJZ", "King's College Hospital NHS Foundation Trust", OrganisationTypes.Provider),
        new("Y99901", "Demo Street Surgery (fictional GP practice)", OrganisationTypes.Provider),
        new("QOP", "NHS Greater Manchester Integrated Care Board", OrganisationTypes.Icb),
        new("R0A", "Manchester University NHS Foundation Trust", OrganisationTypes.Provider),
        new("ADV01", "Demo Independent Complaints Advocacy (fictional)", OrganisationTypes.AdvocacyService),
        new("ADV02", "Demo North West Complaints Advocacy (fictional)", OrganisationTypes.AdvocacyService),
    ];

    /// <summary>Roles of one demo user each, by organisation type, with the short name used in the user name.</summary>
    public static readonly IReadOnlyDictionary<string, (string Short, string Role)[]> RolesByType = new Dictionary<string, (string, string)[]>
    {
        [OrganisationTypes.Provider] =
        [
            ("handler", Roles.ComplaintsHandler), ("investigator", Roles.Investigator),
            ("responsible", Roles.ResponsiblePerson), ("quality", Roles.QualityLead),
        ],
        [OrganisationTypes.Icb] =
        [
            ("handler", Roles.ComplaintsHandler), ("investigator", Roles.Investigator), ("responsible", Roles.ResponsiblePerson),
            ("commissioner", Roles.IcbCommissioner), ("quality", Roles.QualityLead),
        ],
        [OrganisationTypes.AdvocacyService] = [("advocate", Roles.Advocate)],
    };

    /// <summary>Integration clients (client credentials), each bound to one provider.</summary>
    public static readonly IReadOnlyList<(string ClientId, string OdsCode)> IntegrationClients = [("pals-rj1", "RJ1"), ("pals-rjz", "RJZ")];

    /// <inheritdoc />
    public string Name => "demo organisations, users and clients";

    /// <inheritdoc />
    public async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var s = settings.Value;
        if (!s.SeedDemoData)
        {
            return;
        }
        if (!ServerCredentials.IsDevelopmentProfile(environment))
        {
            throw new InvalidOperationException("Demo data is seeded only in the development profile.");
        }
        if (string.IsNullOrEmpty(s.DemoPassword) || string.IsNullOrEmpty(s.DemoClientSecret))
        {
            throw new InvalidOperationException("Identity:DemoPassword and Identity:DemoClientSecret are required to seed demo data.");
        }

        await using var scope = services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountStore>();
        foreach (var organisation in Organisations)
        {
            if (await accounts.FindOrganisationAsync(organisation.OdsCode, cancellationToken) is null)
            {
                accounts.Add(new Organisation(organisation.OdsCode, organisation.Name, organisation.Type));
            }
        }
        await accounts.SaveAsync(cancellationToken);

        var hasher = new PasswordHasher<UserAccount>();
        foreach (var organisation in Organisations)
        {
            foreach (var (shortName, role) in RolesByType[organisation.Type])
            {
                await UpsertUserAsync(accounts, hasher, $"{shortName}.{organisation.OdsCode.ToLowerInvariant()}",
                    $"Demo {shortName} ({organisation.OdsCode})", [], (organisation.OdsCode, role), s.DemoPassword, cancellationToken);
            }
        }
        await UpsertUserAsync(accounts, hasher, "admin", "Demo platform administrator", [Roles.PlatformAdmin], null, s.DemoPassword, cancellationToken);
        await UpsertUserAsync(accounts, hasher, "complainant", "Demo complainant", [Roles.Complainant], null, s.DemoPassword, cancellationToken);
        await UpsertUserAsync(accounts, hasher, "complainant2", "Second demo complainant", [Roles.Complainant], null, s.DemoPassword, cancellationToken);

        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        foreach (var (clientId, odsCode) in IntegrationClients)
        {
            await ClientRegistration.UpsertAsync(applications, new OpenIddictApplicationDescriptor
            {
                ClientId = clientId,
                ClientSecret = s.DemoClientSecret,
                ClientType = ClientTypes.Confidential,
                DisplayName = $"Demo PALS system ({odsCode})",
                Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials, Permissions.Prefixes.Scope + TokenPrincipals.ApiScope },
            }, cancellationToken);
            if (await accounts.FindClientAsync(clientId, cancellationToken) is null)
            {
                accounts.Add(new ClientOrganisation(clientId, odsCode, [Roles.IntegrationSystem]));
            }
        }
        await accounts.SaveAsync(cancellationToken);
    }

    private static async Task UpsertUserAsync(
        AccountStore accounts, PasswordHasher<UserAccount> hasher, string userName, string displayName, List<string> roles,
        (string OdsCode, string Role)? membership, string password, CancellationToken ct)
    {
        var user = await accounts.FindUserByNameAsync(userName, withMemberships: true, ct);
        if (user is null)
        {
            user = new UserAccount(Guid.CreateVersion7(), userName, displayName, roles);
            accounts.Add(user);
        }
        user.ChangePasswordHash(hasher.HashPassword(user, password));
        if (membership is { } m)
        {
            user.JoinAsDefault(m.OdsCode, m.Role);
        }
        await accounts.SaveAsync(ct);
    }
}
