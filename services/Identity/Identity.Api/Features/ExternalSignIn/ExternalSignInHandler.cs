using System.Security.Claims;
using IcsComplaints.Identity.Api.Data;
using IcsComplaints.Identity.Api.Features.SignIn;
using IcsComplaints.Identity.Api.Server;
using IcsComplaints.Identity.Domain.Accounts;
using IcsComplaints.Platform.Audit;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Identity.Api.Features.ExternalSignIn;

/// <summary>What an external provider said about the person who signed in there (from its ID token or user info).</summary>
/// <param name="Subject">The provider's <c>sub</c>.</param>
/// <param name="Email">The email address it gave, if any.</param>
/// <param name="EmailVerified">Whether it said that address is verified.</param>
/// <param name="Name">The name it gave, if any.</param>
public sealed record ExternalIdentity(string Subject, string? Email, bool EmailVerified, string? Name)
{
    /// <summary>Reads the claims of the external cookie; <c>null</c> without a usable subject.</summary>
    public static ExternalIdentity? From(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var subject = principal.FindFirstValue("sub");
        if (subject is null || TextRules.Problem(subject, TextLimits.ExternalSubject, singleLine: true) is not null)
        {
            return null;
        }
        var name = principal.FindFirstValue("name")
            ?? string.Join(' ', new[] { principal.FindFirstValue("given_name"), principal.FindFirstValue("family_name") }.Where(n => !string.IsNullOrWhiteSpace(n)));
        return new ExternalIdentity(
            subject,
            principal.FindFirstValue("email"),
            string.Equals(principal.FindFirstValue("email_verified"), "true", StringComparison.OrdinalIgnoreCase),
            string.IsNullOrWhiteSpace(name) ? null : name.Trim());
    }
}

/// <summary>The account to sign in as, or why there is none (a sentence for the sign-in page).</summary>
/// <param name="User">The account, when sign-in goes ahead.</param>
/// <param name="Refusal">Why not, otherwise.</param>
public sealed record ExternalSignInResult(UserAccount? User, string? Refusal);

/// <summary>
/// Maps a person signed in by an external provider to a local account under <see cref="Domain.Accounts.ExternalSignIn"/>:
/// the linked account, an account linked now by verified email (staff, when allowed), or a complainant account made
/// now (public). Links and accounts made here go to identity's audit trail. The account's roles and memberships,
/// never the provider's claims, make the token.
/// </summary>
public sealed partial class ExternalSignInHandler(AccountStore accounts, IAuditTrail audit, TimeProvider time, ILogger<ExternalSignInHandler> logger)
{
    /// <summary>Decides and, where it calls for it, links or creates the account.</summary>
    public async Task<ExternalSignInResult> HandleAsync(ExternalProvider provider, ExternalIdentity who, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(who);
        var linked = await accounts.FindLinkedUserAsync(provider.Id, who.Subject, ct);
        var email = who.Email?.Trim().ToLowerInvariant();
        var withThatEmail = linked is null && provider.Settings.LinkByEmail && who.EmailVerified
            && email is not null && TextRules.Problem(email, TextLimits.UserName, singleLine: true) is null
                ? await accounts.FindUserToLinkAsync(email, ct)
                : null;
        var outcome = Domain.Accounts.ExternalSignIn.Decide(
            provider.Settings.Audience ?? ExternalAudience.Staff, linked, provider.Settings.LinkByEmail, who.EmailVerified, withThatEmail,
            provider.Id, Roles.PlatformAdmin);
        var user = outcome switch
        {
            ExternalSignInOutcome.UseLinkedAccount => linked,
            ExternalSignInOutcome.LinkByVerifiedEmail => await LinkAsync(withThatEmail!, provider, who, ct),
            ExternalSignInOutcome.CreateComplainant => await CreateComplainantAsync(provider, who, ct),
            _ => null,
        };
        if (user is null)
        {
            LogNotLinked(logger, provider.Id);
            return new(null, "The account you signed in with is not linked to an account here. Ask the administrator of this service at your organisation to link it.");
        }
        if (user.Disabled)
        {
            LogBarred(logger, user.Id, provider.Id);
            return new(null, "This account cannot sign in. Ask your organisation's administrator of this service.");
        }
        LogSignedIn(logger, user.Id, provider.Id);
        return new(user, null);
    }

    private async Task<UserAccount?> LinkAsync(UserAccount user, ExternalProvider provider, ExternalIdentity who, CancellationToken ct)
    {
        user.LinkExternal(provider.Id, who.Subject, ExternalLinkMethod.VerifiedEmail, time.GetUtcNow());
        audit.Record(AuditAction.Update, PasswordCheck.AuditedResource, user.Id.ToString(), resourceOrganisation: null);
        // Two first sign-ins at once for one account: the unique link (account, provider) lets one through.
        return await accounts.TrySaveAsync(ct) ? user : await accounts.FindLinkedUserAsync(provider.Id, who.Subject, ct);
    }

    private async Task<UserAccount?> CreateComplainantAsync(ExternalProvider provider, ExternalIdentity who, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        // The user name identifies nothing about the person: it is never typed (the account has no password).
        var name = who.Name is { } given && TextRules.Problem(given, TextLimits.DisplayName, singleLine: true) is null ? given : "Complainant";
        var user = new UserAccount(id, $"{provider.Id}.{id:N}", name, [Roles.Complainant]);
        user.LinkExternal(provider.Id, who.Subject, ExternalLinkMethod.FirstSignIn, time.GetUtcNow());
        accounts.Add(user);
        audit.Record(AuditAction.Create, PasswordCheck.AuditedResource, user.Id.ToString(), resourceOrganisation: null);
        // Two first sign-ins at once for one subject: the unique subject lets one account be made, and both use it.
        return await accounts.TrySaveAsync(ct) ? user : await accounts.FindLinkedUserAsync(provider.Id, who.Subject, ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in through provider {Provider} refused: no account here is linked to that person")]
    private static partial void LogNotLinked(ILogger logger, string provider);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in through provider {Provider} refused for user {UserId}: the account is disabled")]
    private static partial void LogBarred(ILogger logger, Guid userId, string provider);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} signed in through provider {Provider}")]
    private static partial void LogSignedIn(ILogger logger, Guid userId, string provider);
}
