using IcsComplaints.Identity.Api.Data;

namespace IcsComplaints.Identity.Api.Features.SetDisabled;

/// <summary>Disables a user (no sign-in, no token refresh) or enables them again.</summary>
public sealed class SetDisabledHandler(AccountStore accounts)
{
    /// <summary>False when there is no such user.</summary>
    public Task<bool> HandleAsync(Guid userId, bool disabled, CancellationToken ct) => accounts.SetDisabledAsync(userId, disabled, ct);
}
