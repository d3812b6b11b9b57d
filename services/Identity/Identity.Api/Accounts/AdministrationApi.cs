using System.Security.Cryptography;
using IcsComplaints.Identity.Api.Data;
using IcsComplaints.Identity.Api.Server;
using IcsComplaints.Identity.Domain.Accounts;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;
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

    /// <summary>Longest password accepted: far beyond what anyone types, short of a denial of service.</summary>
    public const int MaximumPasswordLength = 1_024;

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
        group.MapPost("/users/{userId:guid}/unlock", async Task<Results<NoContent, NotFound>> (Guid userId, PasswordCheck passwords, CancellationToken ct) =>
            await passwords.UnlockAsync(userId, ct) ? TypedResults.NoContent() : TypedResults.NotFound());
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
        var name = TextRules.Read(request.Name, "name", errors, TextLimits.OrganisationName, "Give the organisation's name.", singleLine: true);
        if (request.Type is not (OrganisationTypes.Icb or OrganisationTypes.Provider or OrganisationTypes.AdvocacyService))
        {
            errors.Add("type", "The type is icb, provider or advocacy.");
        }
        errors.ThrowIfAny();
        if (await db.Organisations.AnyAsync(o => o.OdsCode == code, ct))
        {
            throw new RequestConflictException($"Organisation {code} already exists.");
        }
        var organisation = new Organisation(code, name!, request.Type!);
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/identity/organisations/{code}", organisation);
    }

    private static async Task<Created<UserView>> AddUserAsync(UserRequest request, IdentityServiceDbContext db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        const string userNameRule = "A user name is 3 to 100 characters, without spaces or control characters.";
        var userName = TextRules.Read(request.UserName, "userName", errors, TextLimits.UserName, userNameRule, singleLine: true)?.ToLowerInvariant();
        if (userName is not null && (userName.Length < 3 || userName.Any(char.IsWhiteSpace)))
        {
            errors.Add("userName", userNameRule);
        }
        var displayName = TextRules.Read(request.DisplayName, "displayName", errors, TextLimits.DisplayName, "Give the name to show.", singleLine: true);
        CheckPassword(request.Password, errors);
        var roles = CheckRoles(request.Roles ?? [], UserRoles, "roles", errors);
        errors.ThrowIfAny();
        if (await db.Users.AnyAsync(u => u.UserName == userName, ct))
        {
            throw new RequestConflictException("A user with that user name already exists.");
        }
        var user = new UserAccount(Guid.CreateVersion7(), userName!, displayName!, roles);
        user.ChangePasswordHash(new PasswordHasher<UserAccount>().HashPassword(user, request.Password!));
        db.Users.Add(user);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/identity/users/{user.Id}", View(user));
    }

    private static async Task<Results<Ok<UserView>, NotFound>> SetMembershipAsync(
        Guid userId, string odsCode, MembershipRequest request, IdentityServiceDbContext db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var roles = CheckRoles(request.Roles ?? [], OrganisationRoles, "roles", errors);
        if (roles.Count == 0)
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
        user.HoldRoles(organisation.OdsCode, roles);
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
        if (clientId.Length is < 3 or > TextLimits.ClientId || !clientId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.'))
        {
            errors.Add("clientId", "A client id is 3 to 100 letters, digits, hyphens and dots.");
        }
        var displayName = TextRules.Read(request.DisplayName, "displayName", errors, TextLimits.ClientDisplayName, singleLine: true);
        var odsCode = request.OdsCode?.Trim().ToUpperInvariant() ?? "";
        var organisation = odsCode.Length is >= 3 and <= 20 && odsCode.All(char.IsAsciiLetterOrDigit) ? await db.Organisations.FindAsync([odsCode], ct) : null;
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
            DisplayName = displayName ?? clientId,
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials, Permissions.Prefixes.Scope + TokenPrincipals.ApiScope },
        }, ct);
        db.ClientOrganisations.Add(new ClientOrganisation(clientId, organisation!.OdsCode, [Roles.IntegrationSystem]));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/identity/clients/{clientId}", new ClientCreated(clientId, secret));
    }

    // Roles are from a fixed list, each at most once: the roles to store, or errors.
    private static List<string> CheckRoles(string[] roles, string[] allowed, string field, ValidationErrors errors)
    {
        if (roles.Any(r => !allowed.Contains(r, StringComparer.Ordinal)))
        {
            errors.Add(field, "Roles here are: " + string.Join(", ", allowed) + ".");
        }
        else if (roles.Distinct(StringComparer.Ordinal).Count() != roles.Length)
        {
            errors.Add(field, "Give each role once.");
        }
        return [.. roles];
    }

    private static void CheckPassword(string? password, ValidationErrors errors)
    {
        var rule = $"A password has {MinimumPasswordLength} to {MaximumPasswordLength} characters, and no control characters.";
        if (password is null || password.Length < MinimumPasswordLength || TextRules.Problem(password, MaximumPasswordLength, singleLine: true) is not null)
        {
            errors.Add("password", rule);
        }
    }
}
