using IcsComplaints.Identity.Api.Data;

namespace IcsComplaints.Identity.Api.Features.RemoveMembership;

/// <summary>Ends a user's membership of an organisation: their next token refresh no longer carries it.</summary>
public sealed class RemoveMembershipHandler(AccountStore accounts)
{
    /// <summary>False when the user was no member of the organisation.</summary>
    public Task<bool> HandleAsync(Guid userId, string odsCode, CancellationToken ct) => accounts.RemoveMembershipAsync(userId, odsCode.ToUpperInvariant(), ct);
}
