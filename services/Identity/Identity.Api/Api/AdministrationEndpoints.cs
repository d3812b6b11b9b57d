using IcsComplaints.Identity.Api.Features.AddOrganisation;
using IcsComplaints.Identity.Api.Features.AddUser;
using IcsComplaints.Identity.Api.Features.LinkExternalLogin;
using IcsComplaints.Identity.Api.Features.ListAccounts;
using IcsComplaints.Identity.Api.Features.RegisterClient;
using IcsComplaints.Identity.Api.Features.RemoveMembership;
using IcsComplaints.Identity.Api.Features.SetDisabled;
using IcsComplaints.Identity.Api.Features.SetMembership;
using IcsComplaints.Identity.Api.Features.SignIn;
using IcsComplaints.Identity.Domain.Accounts;
using IcsComplaints.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IcsComplaints.Identity.Api.Api;

/// <summary>
/// What a platform administrator needs to run the identity service: organisations, users and their memberships,
/// links to their subjects at staff providers (NHS CIS2), and integration clients bound to one organisation
/// (<c>/api/v1/identity/...</c>).
/// </summary>
public static class AdministrationEndpoints
{
    /// <summary>Maps the endpoints, for platform administrators only.</summary>
    public static RouteGroupBuilder MapAdministrationApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/identity").RequireAuthorization(Policies.PlatformAdmin).WithTags("Identity administration");
        group.MapGet("/organisations", async Task<Ok<IReadOnlyList<Organisation>>> (ListAccountsHandler list, CancellationToken ct) =>
            TypedResults.Ok(await list.OrganisationsAsync(ct)));
        group.MapPost("/organisations", async Task<Created<Organisation>> (OrganisationRequest request, AddOrganisationHandler add, CancellationToken ct) =>
        {
            var organisation = await add.HandleAsync(request, ct);
            return TypedResults.Created($"/api/v1/identity/organisations/{organisation.OdsCode}", organisation);
        });
        group.MapGet("/users", async Task<Ok<IReadOnlyList<UserView>>> (ListAccountsHandler list, CancellationToken ct) => TypedResults.Ok(await list.UsersAsync(ct)));
        group.MapPost("/users", async Task<Created<UserView>> (UserRequest request, AddUserHandler add, CancellationToken ct) =>
        {
            var user = await add.HandleAsync(request, ct);
            return TypedResults.Created($"/api/v1/identity/users/{user.Id}", user);
        });
        group.MapPut("/users/{userId:guid}/memberships/{odsCode}", async Task<Results<Ok<UserView>, NotFound>> (
            Guid userId, string odsCode, MembershipRequest request, SetMembershipHandler set, CancellationToken ct) =>
            await set.HandleAsync(userId, odsCode, request, ct) is { } user ? TypedResults.Ok(user) : TypedResults.NotFound());
        group.MapDelete("/users/{userId:guid}/memberships/{odsCode}", async Task<Results<NoContent, NotFound>> (
            Guid userId, string odsCode, RemoveMembershipHandler remove, CancellationToken ct) =>
            await remove.HandleAsync(userId, odsCode, ct) ? TypedResults.NoContent() : TypedResults.NotFound());
        group.MapPost("/users/{userId:guid}/disable", (Guid userId, SetDisabledHandler set, CancellationToken ct) => SetDisabledAsync(set, userId, true, ct));
        group.MapPost("/users/{userId:guid}/enable", (Guid userId, SetDisabledHandler set, CancellationToken ct) => SetDisabledAsync(set, userId, false, ct));
        group.MapPost("/users/{userId:guid}/unlock", async Task<Results<NoContent, NotFound>> (Guid userId, PasswordCheck passwords, CancellationToken ct) =>
            await passwords.UnlockAsync(userId, ct) ? TypedResults.NoContent() : TypedResults.NotFound());
        group.MapPut("/users/{userId:guid}/external-logins/{provider}", async Task<Results<Ok<UserView>, NotFound>> (
            Guid userId, string provider, ExternalLoginRequest request, LinkExternalLoginHandler link, CancellationToken ct) =>
            await link.LinkAsync(userId, provider, request, ct) is { } user ? TypedResults.Ok(user) : TypedResults.NotFound());
        group.MapDelete("/users/{userId:guid}/external-logins/{provider}", async Task<Results<NoContent, NotFound>> (
            Guid userId, string provider, LinkExternalLoginHandler link, CancellationToken ct) =>
            await link.UnlinkAsync(userId, provider, ct) ? TypedResults.NoContent() : TypedResults.NotFound());
        group.MapPost("/clients", async Task<Created<ClientCreated>> (ClientRequest request, RegisterClientHandler register, CancellationToken ct) =>
        {
            var created = await register.HandleAsync(request, ct);
            return TypedResults.Created($"/api/v1/identity/clients/{created.ClientId}", created);
        });
        return group;
    }

    private static async Task<Results<NoContent, NotFound>> SetDisabledAsync(SetDisabledHandler set, Guid userId, bool disabled, CancellationToken ct) =>
        await set.HandleAsync(userId, disabled, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
}
