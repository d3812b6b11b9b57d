using IcsComplaints.Identity.Api.Data;
using IcsComplaints.Identity.Api.Features.SignIn;
using IcsComplaints.Platform.Audit;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Identity.Api.Features.ListStaff;

/// <summary>A member of staff as the directory lists them.</summary>
/// <param name="SubjectId">The <c>sub</c> claim of their tokens: what the case service records as an assignee and matches for "mine".</param>
/// <param name="DisplayName">Name shown.</param>
/// <param name="Roles">Their roles in the caller's organisation.</param>
public sealed record StaffMember(string SubjectId, string DisplayName, IReadOnlyList<string> Roles);

/// <summary>
/// The directory of an organisation's staff, so investigators and responsible persons are chosen from its users, not
/// typed: the enabled users with a membership of the caller's own organisation (the token's <c>org</c> claim), by name,
/// optionally only those holding one role. For any member of an organisation's staff; each user listed is audited
/// as a read of their account.
/// </summary>
public sealed class ListStaffHandler(AccountStore accounts, IAuditTrail audit)
{
    /// <summary>Roles a member of an organisation may hold, and so the roles the directory filters by.</summary>
    public static readonly IReadOnlyList<string> OrganisationRoles = [.. Roles.OrganisationStaff, Roles.Advocate];

    /// <summary>The staff of the caller's organisation, by display name.</summary>
    public async Task<IReadOnlyList<StaffMember>> ListAsync(Caller caller, string? role, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.HasAny(Roles.OrganisationStaff) || caller.OrganisationCode is not { } organisation)
        {
            throw new RequestForbiddenException("Only staff of an organisation see its staff directory.");
        }
        string? wanted = null;
        if (!string.IsNullOrWhiteSpace(role))
        {
            wanted = OrganisationRoles.FirstOrDefault(r => r.Equals(role.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw new RequestValidationException("role", $"Not a role: use one of {string.Join(", ", OrganisationRoles)}.");
        }
        var users = await accounts.StaffOfAsync(organisation, wanted, ct);
        var listed = users
            .Select(u => new StaffMember(u.Id.ToString(), u.DisplayName, u.Memberships.Single(m => m.OdsCode == organisation).Roles))
            .OrderBy(s => s.DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(s => s.SubjectId, StringComparer.Ordinal)
            .ToList();
        foreach (var member in listed.Skip(1))
        {
            audit.Record(AuditAction.Read, PasswordCheck.AuditedResource, member.SubjectId, organisation);
        }
        if (listed.Count > 0)
        {
            await audit.RecordReadAsync(PasswordCheck.AuditedResource, listed[0].SubjectId, organisation, ct);
        }
        return listed;
    }
}
