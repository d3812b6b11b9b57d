using System.Security.Cryptography;
using IcsComplaints.Identity.Api.Data;
using IcsComplaints.Identity.Api.Server;
using IcsComplaints.ServiceDefaults.Security;
using IcsComplaints.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IcsComplaints.Identity.Api.Accounts;

/// <summary>
/// What a platform administrator needs to run the identity service: organisations, users and their memberships,
/// and integration clients bound to one organisation (<c>/api/v1/identity/...</c>).
/// </summary>
public static class AdministrationApi
{
    /// <summary>Shortest password accepted for a new user (NCSC: length over complexity).</summary>
    public const int MinimumPasswordLength = 12;

    /// <summary>An organisation to add.</summary>
    /// <param name="OdsCode">ODS code.</param>
    /// <param name="Name">Name.</param>
    /// <param name="Type">icb, provider or advocacy.</param>
    public sealed record OrganisationRequest(string? OdsCode, string? Name, string? Type);

    /// <summary>A user to add.</summary>
    /// <param name="UserName">Sign-in name.</param>
    /// <param name="DisplayName">Name shown.</param>
    /// <param name="Password">Initial password.</param>
    /// <param name="Roles">Roles outside any organisation (platform-admin, complainant).</param>
    public sealed record UserRequest(string? UserName, string? DisplayName, string? Password, string[]? Roles);

    /// <summary>A user as listed.</summary>
    /// <param name="Id">Identifier.</param>
    /// <param name="UserName">Sign-in name.</param>
    /// <param name="DisplayName">Name shown.</param>
    /// <param name="Disabled">Whether sign-in is refused.</param>
    /// <param name="Roles">Organisation-free roles.</param>
    /// <param name="Memberships">Organisation roles.</param>
    public sealed record UserView(Guid Id, string UserName, string DisplayName, bool Disabled, IReadOnlyList<string> Roles, IReadOnlyList<MembershipView> Memberships);

    /// <summary>A membership as listed.</summary>
    /// <param name="OdsCode">Organisation.</param>
    /// <param name="Roles">Roles there.</param>
    public sealed record MembershipView(string OdsCode, IReadOnlyList<string> Roles);

    /// <summary>Roles to hold in an organisation.</summary>
    /// <param name="Roles">Roles.</param>
    public sealed record MembershipRequest(string[]? Roles);

    /// <summary>An integration client to register.</summary>
    /// <param name="ClientId">Client id.</param>
    /// <param name="DisplayName">Name shown.</param>
    /// <param name="OdsCode">The one organisation it acts for.</param>
    public sealed record ClientRequest(string? ClientId, string? DisplayName, string? OdsCode);

    /// <summary>A registered client and its secret, shown once.</summary>
    /// <param name="ClientId">Client id.</param>
    /// <param name="ClientSecret">Secret.</param>
    public sealed record ClientCreated(string ClientId, string ClientSecret);

    private static readonly string[] OrganisationRoles =
        [Roles.ComplaintsHandler, Roles.Investigator, Roles.ResponsiblePerson, Roles.IcbCommissioner, Roles.Advocate, Roles.QualityLead];

    private static readonly string[] UserRoles = [Roles.PlatformAdmin, Roles.Complainant];

    /// <summary>Maps the endpoints, for platform administrators only.</summary>
    public static RouteGroupBuilder MapAdministrationApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/identity").RequireAuthorization(Policies.PlatformAdmin).WithTags("Identity administration");
        group.MapGet("/organisations", async (IdentityServiceDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await db.Organisations.AsNoTracking().OrderBy(o => o.OdsCode).ToListAsync(ct)));
        group.MapPost("/organisations", AddOrganisationAsync);
        group.MapGet("/users", async (IdentityServiceDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await db.Users.AsNoTracking().Include(u => u.Memberships).OrderBy(u => u.UserName).Select(u => View(u)).ToListAsync(ct)));
        group.MapPost("/users", AddUserAsync);
        group.MapPut("/users/{userId:guid}/memberships/{odsCode}", SetMembershipAsync);
        group.MapDelete("/users/{userId:guid}/memberships/{odsCode}", RemoveMembershipAsync);
        group.MapPost("/users/{userId:guid}/disable", (Guid userId, IdentityServiceDbContext db, CancellationToken ct) => SetDisabledAsync(userId, true, db, ct));
        group.MapPost("/users/{userId:guid}/enable", (Guid userId, IdentityServiceDbContext db, CancellationToken ct) => SetDisabledAsync(userId, false, db, ct));
        group.MapPost("/clients", AddClientAsync);
        return group;
    }

    private static UserView View(UserAccount u) =>
        new(u.Id, u.UserName, u.DisplayName, u.Disabled, u.Roles, u.Memberships.Select(m => new MembershipView(m.OdsCode, m.Roles)).ToList());

    private static async Task<Created<Organisation>> AddOrganisationAsync(OrganisationRequest request, IdentityServiceDbContext db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var code = request.OdsCode?.Trim().ToUpperInvariant() ?? "";
        if (code.Length is < 3 or > 20 || !code.All(char.IsAsciiLetterOrDigit))
        {
            errors.Add("odsCode", "An ODS code is 3 to 20 letters and digits.");
        }
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200)
        {
            errors.Add("name", "Give the organisation's name (at most 200 characters).");
        }
        if (request.Type is not (OrganisationTypes.Icb or OrganisationTypes.Provider or OrganisationTypes.AdvocacyService))
        {
            errors.Add("type", "The type is icb, provider or advocacy.");
        }
        errors.ThrowIfAny();
        if (await db.Organisations.AnyAsync(o => o.OdsCode == code, ct))
        {
            throw new RequestConflictException($"Organisation {code} already exists.");
        }
        var organisation = new Organisation { OdsCode = code, Name = request.Name!.Trim(), Type = request.Type! };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/identity/organisations/{code}", organisation);
    }

    private static async Task<Created<UserView>> AddUserAsync(UserRequest request, IdentityServiceDbContext db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var userName = request.UserName?.Trim().ToLowerInvariant() ?? "";
        if (userName.Length is < 3 or > 100 || userName.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            errors.Add("userName", "A user name is 3 to 100 characters without spaces.");
        }
        if (string.IsNullOrWhiteSpace(request.DisplayName) || request.DisplayName.Length > 200)
        {
            errors.Add("displayName", "Give the name to show (at most 200 characters).");
        }
        if (request.Password is null || request.Password.Length < MinimumPasswordLength)
        {
            errors.Add("password", $"A password has at least {MinimumPasswordLength} characters.");
        }
        CheckRoles(request.Roles ?? [], UserRoles, "roles", errors);
        errors.ThrowIfAny();
        if (await db.Users.AnyAsync(u => u.UserName == userName, ct))
        {
            throw new RequestConflictException($"User {userName} already exists.");
        }
        var user = new UserAccount
        {
            Id = Guid.CreateVersion7(), UserName = userName, DisplayName = request.DisplayName!.Trim(), PasswordHash = "", Roles = [.. request.Roles ?? []],
        };
        user.PasswordHash = new PasswordHasher<UserAccount>().HashPassword(user, request.Password!);
        db.Users.Add(user);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/identity/users/{user.Id}", View(user));
    }

    private static async Task<Results<Ok<UserView>, NotFound>> SetMembershipAsync(
        Guid userId, string odsCode, MembershipRequest request, IdentityServiceDbContext db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        CheckRoles(request.Roles ?? [], OrganisationRoles, "roles", errors);
        if ((request.Roles ?? []).Length == 0)
        {
            errors.Add("roles", "Give at least one role.");
        }
        errors.ThrowIfAny();
        var user = await db.Users.Include(u => u.Memberships).FirstOrDefaultAsync(u => u.Id == userId, ct);
        var organisation = await db.Organisations.FindAsync([odsCode.ToUpperInvariant()], ct);
        if (user is null || organisation is null)
        {
            return TypedResults.NotFound();
        }
        var membership = user.Memberships.FirstOrDefault(m => m.OdsCode == organisation.OdsCode);
        if (membership is null)
        {
            user.Memberships.Add(new Membership { UserId = user.Id, OdsCode = organisation.OdsCode, Roles = [.. request.Roles!], IsDefault = user.Memberships.Count == 0 });
        }
        else
        {
            membership.Roles = [.. request.Roles!];
        }
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(View(user));
    }

    private static async Task<Results<NoContent, NotFound>> RemoveMembershipAsync(Guid userId, string odsCode, IdentityServiceDbContext db, CancellationToken ct)
    {
        var code = odsCode.ToUpperInvariant();
        var removed = await db.Memberships.Where(m => m.UserId == userId && m.OdsCode == code).ExecuteDeleteAsync(ct);
        return removed == 0 ? TypedResults.NotFound() : TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, NotFound>> SetDisabledAsync(Guid userId, bool disabled, IdentityServiceDbContext db, CancellationToken ct)
    {
        var changed = await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.Disabled, disabled), ct);
        return changed == 0 ? TypedResults.NotFound() : TypedResults.NoContent();
    }

    private static async Task<Created<ClientCreated>> AddClientAsync(
        ClientRequest request, IdentityServiceDbContext db, IOpenIddictApplicationManager applications, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var clientId = request.ClientId?.Trim().ToLowerInvariant() ?? "";
        if (clientId.Length is < 3 or > 100 || !clientId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.'))
        {
            errors.Add("clientId", "A client id is 3 to 100 letters, digits, hyphens and dots.");
        }
        var organisation = string.IsNullOrWhiteSpace(request.OdsCode) ? null : await db.Organisations.FindAsync([request.OdsCode.Trim().ToUpperInvariant()], ct);
        if (organisation is null)
        {
            errors.Add("odsCode", "Give the code of an organisation registered here.");
        }
        errors.ThrowIfAny();
        if (await applications.FindByClientIdAsync(clientId, ct) is not null)
        {
            throw new RequestConflictException($"Client {clientId} already exists.");
        }
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await applications.CreateAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = string.IsNullOrWhiteSpace(request.DisplayName) ? clientId : request.DisplayName.Trim(),
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials, Permissions.Prefixes.Scope + TokenPrincipals.ApiScope },
        }, ct);
        db.ClientOrganisations.Add(new ClientOrganisation { ClientId = clientId, OdsCode = organisation!.OdsCode, Roles = [Roles.IntegrationSystem] });
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/identity/clients/{clientId}", new ClientCreated(clientId, secret));
    }

    private static void CheckRoles(string[] roles, string[] allowed, string field, ValidationErrors errors)
    {
        if (roles.Any(r => !allowed.Contains(r, StringComparer.Ordinal)))
        {
            errors.Add(field, "Roles here are: " + string.Join(", ", allowed) + ".");
        }
    }
}
