using IcsComplaints.Identity.Api.Data;
using IcsComplaints.Identity.Domain.Accounts;

namespace IcsComplaints.Identity.Api.Features.ListAccounts;

/// <summary>A user as listed.</summary>
/// <param name="Id">Identifier.</param>
/// <param name="UserName">Sign-in name.</param>
/// <param name="DisplayName">Name shown.</param>
/// <param name="Disabled">Whether sign-in is refused.</param>
/// <param name="Roles">Organisation-free roles.</param>
/// <param name="Memberships">Organisation roles.</param>
/// <param name="ExternalLogins">The external providers' subjects linked to the account.</param>
public sealed record UserView(
    Guid Id, string UserName, string DisplayName, bool Disabled, IReadOnlyList<string> Roles, IReadOnlyList<MembershipView> Memberships,
    IReadOnlyList<ExternalLoginView> ExternalLogins)
{
    /// <summary>The view of an account.</summary>
    public static UserView Of(UserAccount u) =>
        new(u.Id, u.UserName, u.DisplayName, u.Disabled, u.Roles, u.Memberships.Select(m => new MembershipView(m.OdsCode, m.Roles)).ToList(),
            u.ExternalLogins.Select(l => new ExternalLoginView(l.Provider, l.Subject, l.Method.ToString(), l.LinkedAt)).ToList());
}

/// <summary>An external login as listed.</summary>
/// <param name="Provider">The provider's name in this deployment's configuration.</param>
/// <param name="Subject">The provider's subject for the person.</param>
/// <param name="Method">How the link was made: Administrator, VerifiedEmail or FirstSignIn.</param>
/// <param name="LinkedAt">When.</param>
public sealed record ExternalLoginView(string Provider, string Subject, string Method, DateTimeOffset LinkedAt);

/// <summary>A membership as listed.</summary>
/// <param name="OdsCode">Organisation.</param>
/// <param name="Roles">Roles there.</param>
public sealed record MembershipView(string OdsCode, IReadOnlyList<string> Roles);

/// <summary>The organisations and users registered, for a platform administrator.</summary>
public sealed class ListAccountsHandler(AccountStore accounts)
{
    /// <summary>Every organisation, by ODS code.</summary>
    public Task<IReadOnlyList<Organisation>> OrganisationsAsync(CancellationToken ct) => accounts.OrganisationsAsync(ct);

    /// <summary>Every user, by user name.</summary>
    public async Task<IReadOnlyList<UserView>> UsersAsync(CancellationToken ct) => [.. (await accounts.UsersAsync(ct)).Select(UserView.Of)];
}
