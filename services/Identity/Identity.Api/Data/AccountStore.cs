using IcsComplaints.Identity.Domain.Accounts;
using IcsComplaints.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.Identity.Api.Data;

/// <summary>Loads and saves organisations, user accounts and client bindings for the features, in one scoped unit of work.</summary>
public sealed class AccountStore(IdentityServiceDbContext db, IAuditTrail audit)
{
    /// <summary>Every organisation, by ODS code, untracked.</summary>
    public async Task<IReadOnlyList<Organisation>> OrganisationsAsync(CancellationToken ct) =>
        await db.Organisations.AsNoTracking().OrderBy(o => o.OdsCode).ToListAsync(ct);

    /// <summary>Every user with their memberships and external logins, by user name, untracked.</summary>
    public async Task<IReadOnlyList<UserAccount>> UsersAsync(CancellationToken ct) =>
        await db.Users.AsNoTracking().Include(u => u.Memberships).Include(u => u.ExternalLogins).OrderBy(u => u.UserName).AsSplitQuery().ToListAsync(ct);

    /// <summary>
    /// The enabled users with a membership of <paramref name="odsCode"/> (with <paramref name="role"/> there, when
    /// given), with that membership only.
    /// </summary>
    public async Task<IReadOnlyList<UserAccount>> StaffOfAsync(string odsCode, string? role, CancellationToken ct) =>
        await db.Users.AsNoTracking()
            .Where(u => !u.Disabled && u.Memberships.Any(m => m.OdsCode == odsCode && (role == null || m.Roles.Contains(role))))
            .Include(u => u.Memberships.Where(m => m.OdsCode == odsCode))
            .ToListAsync(ct);

    /// <summary>True when an organisation has this ODS code.</summary>
    public Task<bool> OrganisationExistsAsync(string odsCode, CancellationToken ct) => db.Organisations.AnyAsync(o => o.OdsCode == odsCode, ct);

    /// <summary>The organisation with this ODS code, or <c>null</c>.</summary>
    public ValueTask<Organisation?> FindOrganisationAsync(string odsCode, CancellationToken ct) => db.Organisations.FindAsync([odsCode], ct);

    /// <summary>True when a user has this user name.</summary>
    public Task<bool> UserNameTakenAsync(string userName, CancellationToken ct) => db.Users.AnyAsync(u => u.UserName == userName, ct);

    /// <summary>The user with this id, their memberships and external logins, to change, or <c>null</c>.</summary>
    public Task<UserAccount?> FindUserAsync(Guid userId, CancellationToken ct) =>
        db.Users.Include(u => u.Memberships).Include(u => u.ExternalLogins).AsSplitQuery().FirstOrDefaultAsync(u => u.Id == userId, ct);

    /// <summary>The user with this user name and their external logins, to link, or <c>null</c>.</summary>
    public Task<UserAccount?> FindUserToLinkAsync(string userName, CancellationToken ct) =>
        db.Users.Include(u => u.ExternalLogins).FirstOrDefaultAsync(u => u.UserName == userName, ct);

    /// <summary>The account linked to a provider's subject, whether enabled or not, or <c>null</c>.</summary>
    public Task<UserAccount?> FindLinkedUserAsync(string provider, string subject, CancellationToken ct) =>
        db.Users.Include(u => u.ExternalLogins)
            .FirstOrDefaultAsync(u => u.ExternalLogins.Any(l => l.Provider == provider && l.Subject == subject), ct);

    /// <summary>The user with this user name, to change, with their memberships when asked, or <c>null</c>.</summary>
    public Task<UserAccount?> FindUserByNameAsync(string userName, bool withMemberships, CancellationToken ct) =>
        (withMemberships ? db.Users.Include(u => u.Memberships) : db.Users.AsQueryable()).FirstOrDefaultAsync(u => u.UserName == userName, ct);

    /// <summary>The user with this user name, their memberships and organisations, for a password check (untracked), or <c>null</c>.</summary>
    public Task<UserAccount?> FindForSignInAsync(string userName, CancellationToken ct) =>
        db.Users.AsNoTracking().Include(u => u.Memberships).ThenInclude(m => m.Organisation).FirstOrDefaultAsync(u => u.UserName == userName, ct);

    /// <summary>An enabled user with their memberships and organisations, for a token, or <c>null</c>.</summary>
    public Task<UserAccount?> FindActiveAsync(Guid userId, CancellationToken ct) =>
        db.Users.Include(u => u.Memberships).ThenInclude(m => m.Organisation).FirstOrDefaultAsync(u => u.Id == userId && !u.Disabled, ct);

    /// <summary>The organisation a client is bound to, with the organisation, or <c>null</c>.</summary>
    public Task<ClientOrganisation?> FindClientBindingAsync(string? clientId, CancellationToken ct) =>
        db.ClientOrganisations.Include(c => c.Organisation).FirstOrDefaultAsync(c => c.ClientId == clientId, ct);

    /// <summary>The binding of a client, to check it exists, or <c>null</c>.</summary>
    public ValueTask<ClientOrganisation?> FindClientAsync(string clientId, CancellationToken ct) => db.ClientOrganisations.FindAsync([clientId], ct);

    /// <summary>Adds an organisation, saved by <see cref="SaveAsync"/>.</summary>
    public void Add(Organisation organisation) => db.Organisations.Add(organisation);

    /// <summary>Adds a user, saved by <see cref="SaveAsync"/>.</summary>
    public void Add(UserAccount user) => db.Users.Add(user);

    /// <summary>Adds a client binding, saved by <see cref="SaveAsync"/>.</summary>
    public void Add(ClientOrganisation binding) => db.ClientOrganisations.Add(binding);

    /// <summary>Ends a user's membership of an organisation at once; false when there was none.</summary>
    public async Task<bool> RemoveMembershipAsync(Guid userId, string odsCode, CancellationToken ct) =>
        await db.Memberships.Where(m => m.UserId == userId && m.OdsCode == odsCode).ExecuteDeleteAsync(ct) > 0;

    /// <summary>Disables or enables a user at once; false when there is no such user.</summary>
    public async Task<bool> SetDisabledAsync(Guid userId, bool disabled, CancellationToken ct) =>
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.Disabled, disabled), ct) > 0;

    /// <summary>
    /// Saves what was added and changed; false, with every change dropped so that what is read next comes from the
    /// database, when a unique key refused it (another request made the same link or account first).
    /// </summary>
    public async Task<bool> TrySaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>Saves what was added and changed.</summary>
    public Task SaveAsync(CancellationToken ct) => db.SaveChangesAsync(ct);

    /// <summary>
    /// Changes an account read under a row lock, so that concurrent changes (guesses at its password) are each
    /// counted and a lock is applied once, and commits the change with the audit entry it calls for. False when
    /// there is no such user.
    /// </summary>
    public async Task<bool> ChangeUnderLockAsync(Guid userId, Func<UserAccount, AuditAction?> change, string auditedResource, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var account = await db.Users.FromSql($"SELECT * FROM identity.users WHERE id = {userId} FOR UPDATE").SingleOrDefaultAsync(ct);
        if (account is null)
        {
            return false;
        }
        if (change(account) is { } action)
        {
            audit.Record(action, auditedResource, account.Id.ToString(), resourceOrganisation: null);
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }
}
