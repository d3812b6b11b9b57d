using System.Security.Cryptography;
using IcsComplaints.Identity.Api.Data;
using IcsComplaints.Identity.Api.Server;
using IcsComplaints.Identity.Domain.Accounts;
using IcsComplaints.Platform.Audit;
using IcsComplaints.Validation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace IcsComplaints.Identity.Api.Features.SignIn;

/// <summary>
/// Checks a user name and password, for the sign-in page and the password grant alike, under the
/// <see cref="LockoutPolicy"/>. A caller learns only "signed in" or "not": an unknown user name, a wrong password, a
/// locked or a disabled account all give the same refusal, after the same work (a password hash is verified every
/// time, against a stand-in hash when there is no such user), so neither the answer nor its timing tells whether an
/// account exists. Locks and their lifting are written to the audit trail.
/// </summary>
public sealed partial class PasswordCheck(
    AccountStore accounts, IOptions<IdentitySettings> settings, TimeProvider time, ILogger<PasswordCheck> logger)
{
    /// <summary>Kind of record in identity's audit trail for an account.</summary>
    public const string AuditedResource = "user-account";

    private static readonly PasswordHasher<UserAccount> Hasher = new();

    // Made once per process from a random password no one knows, with the same hasher (and so the same cost) as real ones.
    private static readonly Lazy<(UserAccount User, string Hash)> StandIn = new(() =>
    {
        var user = new UserAccount(Guid.Empty, "", "", []);
        return (user, Hasher.HashPassword(user, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
    });

    /// <summary>The user, with memberships and their organisations, when the password is right and sign-in is allowed; otherwise <c>null</c>.</summary>
    public async Task<UserAccount?> SignInAsync(string? userName, string? password, CancellationToken ct)
    {
        var name = (userName ?? "").Trim().ToLowerInvariant();
        // A name that could not have been stored (a control character, too long) is not looked up: PostgreSQL refuses a NUL.
        var user = TextRules.Problem(name, TextLimits.UserName, singleLine: true) is null
            ? await accounts.FindForSignInAsync(name, ct)
            : null;
        if (user is null)
        {
            Hasher.VerifyHashedPassword(StandIn.Value.User, StandIn.Value.Hash, password ?? "");
            LogUnknownUser(logger);
            return null;
        }
        var right = Hasher.VerifyHashedPassword(user, user.PasswordHash, password ?? "") != PasswordVerificationResult.Failed;
        var now = time.GetUtcNow();
        if (user.IsBarred(now))
        {
            LogBarred(logger, user.Id, user.Disabled ? "disabled" : "locked");
            return null;
        }
        if (!right)
        {
            await ChangeLockAsync(user.Id, account =>
            {
                LogWrongPassword(logger, account.Id, account.FailedSignIns + 1);
                if (!account.RecordWrongPassword(Policy, now))
                {
                    return null;
                }
                LogLocked(logger, account.Id, account.Lockouts, account.LockedUntil!.Value);
                return AuditAction.Lock;
            }, ct);
            return null;
        }
        if (user.FailedSignIns > 0 || user.Lockouts > 0 || user.LockedUntil is not null)
        {
            await ChangeLockAsync(user.Id, Clear, ct);
        }
        LogSignedIn(logger, user.Id);
        return user;
    }

    /// <summary>Lifts any lock and starts the count again (an administrator's decision); false when there is no such user.</summary>
    public async Task<bool> UnlockAsync(Guid userId, CancellationToken ct) => await ChangeLockAsync(userId, Clear, ct);

    // Accounts are named by id only: a user name identifies a person, and the one typed may be someone else's.
    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in refused: no such user")]
    private static partial void LogUnknownUser(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in refused for user {UserId}: the account is {State}")]
    private static partial void LogBarred(ILogger logger, Guid userId, string state);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in refused for user {UserId}: wrong password ({FailedSignIns} in a row)")]
    private static partial void LogWrongPassword(ILogger logger, Guid userId, int failedSignIns);

    [LoggerMessage(Level = LogLevel.Warning, Message = "User {UserId} locked (lock {LockNumber} in a row) until {LockedUntil}")]
    private static partial void LogLocked(ILogger logger, Guid userId, int lockNumber, DateTimeOffset lockedUntil);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} signed in with a password")]
    private static partial void LogSignedIn(ILogger logger, Guid userId);

    private LockoutPolicy Policy => settings.Value.Lockout;

    private static AuditAction? Clear(UserAccount account) => account.ClearLock() ? AuditAction.Unlock : null;

    private Task<bool> ChangeLockAsync(Guid userId, Func<UserAccount, AuditAction?> change, CancellationToken ct) =>
        accounts.ChangeUnderLockAsync(userId, change, AuditedResource, ct);
}
