using IcsComplaints.Identity.Api.Data;
using IcsComplaints.Identity.Api.Features.ListAccounts;
using IcsComplaints.Identity.Domain.Accounts;
using IcsComplaints.Validation;
using Microsoft.AspNetCore.Identity;

namespace IcsComplaints.Identity.Api.Features.AddUser;

/// <summary>A user to add.</summary>
/// <param name="UserName">Sign-in name.</param>
/// <param name="DisplayName">Name shown.</param>
/// <param name="Password">Initial password.</param>
/// <param name="Roles">Roles outside any organisation (platform-admin, complainant).</param>
public sealed record UserRequest(string? UserName, string? DisplayName, string? Password, string[]? Roles);

/// <summary>Adds a user with an initial password, and roles outside any organisation.</summary>
public sealed class AddUserHandler(AccountStore accounts)
{
    private const string UserNameRule = "A user name is 3 to 100 characters, without spaces or control characters.";

    /// <summary>The user added; a 400 for a bad field, a 409 when the user name is taken.</summary>
    public async Task<UserView> HandleAsync(UserRequest request, CancellationToken ct)
    {
        var reader = new FieldReader();
        var userName = reader.Line(request.UserName, "userName", TextLimits.UserName, UserNameRule)?.ToLowerInvariant();
        if (userName is not null && (userName.Length < 3 || userName.Any(char.IsWhiteSpace)))
        {
            reader.Add("userName", UserNameRule);
        }
        var displayName = reader.Line(request.DisplayName, "displayName", TextLimits.DisplayName, "Give the name to show.");
        if (request.Password is not { Length: >= PasswordLength.Minimum } password || TextRules.Problem(password, PasswordLength.Maximum, singleLine: true) is not null)
        {
            reader.Add("password", $"A password has {PasswordLength.Minimum} to {PasswordLength.Maximum} characters, and no control characters.");
        }
        var roles = AccountFields.ReadRoles(reader, request.Roles, AccountFields.UserRoles, "roles");
        reader.ThrowIfAny();
        if (await accounts.UserNameTakenAsync(userName!, ct))
        {
            throw new RequestConflictException("A user with that user name already exists.");
        }
        var user = new UserAccount(Guid.CreateVersion7(), userName!, displayName!, roles);
        user.ChangePasswordHash(new PasswordHasher<UserAccount>().HashPassword(user, request.Password!));
        accounts.Add(user);
        await accounts.SaveAsync(ct);
        return UserView.Of(user);
    }
}
