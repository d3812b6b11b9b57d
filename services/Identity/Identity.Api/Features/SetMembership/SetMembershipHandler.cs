using IcsComplaints.Identity.Api.Data;
using IcsComplaints.Identity.Api.Features.ListAccounts;
using IcsComplaints.Validation;

namespace IcsComplaints.Identity.Api.Features.SetMembership;

/// <summary>Roles to hold in an organisation.</summary>
/// <param name="Roles">Roles.</param>
public sealed record MembershipRequest(string[]? Roles);

/// <summary>Gives a user roles in an organisation: a new membership, or new roles in the one they have.</summary>
public sealed class SetMembershipHandler(AccountStore accounts)
{
    /// <summary>The user as they are now, or <c>null</c> when the user or the organisation does not exist; a 400 for bad roles.</summary>
    public async Task<UserView?> HandleAsync(Guid userId, string odsCode, MembershipRequest request, CancellationToken ct)
    {
        var reader = new FieldReader();
        var roles = AccountFields.ReadRoles(reader, request.Roles, AccountFields.OrganisationRoles, "roles");
        if (roles.Count == 0)
        {
            reader.Add("roles", "Give at least one role.");
        }
        reader.ThrowIfAny();
        var user = await accounts.FindUserAsync(userId, ct);
        var organisation = await accounts.FindOrganisationAsync(odsCode.ToUpperInvariant(), ct);
        if (user is null || organisation is null)
        {
            return null;
        }
        user.HoldRoles(organisation.OdsCode, roles);
        await accounts.SaveAsync(ct);
        return UserView.Of(user);
    }
}
