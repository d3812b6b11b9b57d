namespace IcsComplaints.Identity.Domain.Accounts;

/// <summary>A person who signs in.</summary>
public sealed class UserAccount
{
    private readonly List<Membership> memberships = [];
    private readonly List<ExternalLogin> externalLogins = [];

    /// <summary>A new account, without a password until one is set (<see cref="ChangePasswordHash"/>) and without memberships.</summary>
    /// <param name="id">Identifier, the token's <c>sub</c>.</param>
    /// <param name="userName">Sign-in name, lower case.</param>
    /// <param name="displayName">Name shown.</param>
    /// <param name="roles">Roles that belong to no organisation.</param>
    public UserAccount(Guid id, string userName, string displayName, IEnumerable<string> roles)
    {
        Id = id;
        UserName = userName;
        DisplayName = displayName;
        Roles = [.. roles];
    }

    // For EF Core, which sets the properties itself.
    private UserAccount()
    {
    }

    /// <summary>Identifier, the token's <c>sub</c>.</summary>
    public Guid Id { get; private set; }

    /// <summary>Sign-in name, lower case.</summary>
    public string UserName { get; private set; } = "";

    /// <summary>Name shown in the interface and in tokens.</summary>
    public string DisplayName { get; private set; } = "";

    /// <summary>Password hash (ASP.NET Core Identity's PBKDF2 format).</summary>
    public string PasswordHash { get; private set; } = "";

    /// <summary>Roles that belong to no organisation: platform administrator, complainant.</summary>
    public List<string> Roles { get; private set; } = [];

    /// <summary>A disabled account cannot sign in or refresh tokens.</summary>
    public bool Disabled { get; private set; }

    /// <summary>Wrong passwords in a row since the last sign-in or lock (<see cref="LockoutPolicy"/>).</summary>
    public int FailedSignIns { get; private set; }

    /// <summary>Locks in a row since the last sign-in: each lasts longer than the one before.</summary>
    public int Lockouts { get; private set; }

    /// <summary>
    /// Until when the latest lock refuses every password, the right one too; kept after it ends until the next sign-in
    /// or an administrator lifts it, so that its end is audited. <c>null</c> when no lock is in place.
    /// </summary>
    public DateTimeOffset? LockedUntil { get; private set; }

    /// <summary>Organisations the user acts for, with their roles in each.</summary>
    public IReadOnlyList<Membership> Memberships => memberships;

    /// <summary>The user's accounts at external providers, at most one per provider.</summary>
    public IReadOnlyList<ExternalLogin> ExternalLogins => externalLogins;

    /// <summary>True while sign-in is refused whatever the password: the account is disabled or a lock is running.</summary>
    public bool IsBarred(DateTimeOffset now) => LockedUntil > now || Disabled;

    /// <summary>Replaces the password, given its hash.</summary>
    public void ChangePasswordHash(string passwordHash) => PasswordHash = passwordHash;

    /// <summary>Adds a role outside any organisation, unless the account holds it already.</summary>
    public void Grant(string role)
    {
        if (!Roles.Contains(role))
        {
            Roles = [.. Roles, role];
        }
    }

    /// <summary>Lets the account sign in again after it was disabled.</summary>
    public void Enable() => Disabled = false;

    /// <summary>
    /// Counts a wrong password; at the <see cref="LockoutPolicy"/>'s limit, locks the account from <paramref name="now"/>
    /// for longer than the lock before and starts the count again. True when this locked it.
    /// </summary>
    public bool RecordWrongPassword(LockoutPolicy policy, DateTimeOffset now)
    {
        FailedSignIns++;
        if (!policy.Locks(FailedSignIns))
        {
            return false;
        }
        FailedSignIns = 0;
        Lockouts++;
        LockedUntil = now + policy.LengthOf(Lockouts);
        return true;
    }

    /// <summary>Lifts any lock and starts the counts again (a sign-in, or an administrator). True when a lock was lifted.</summary>
    public bool ClearLock()
    {
        var lifted = LockedUntil is not null;
        FailedSignIns = 0;
        Lockouts = 0;
        LockedUntil = null;
        return lifted;
    }

    /// <summary>
    /// Gives the user these roles in the organisation: a new membership (the default one if it is the first), or new
    /// roles in the one it has.
    /// </summary>
    public void HoldRoles(string odsCode, IEnumerable<string> roles)
    {
        if (memberships.FirstOrDefault(m => m.OdsCode == odsCode) is { } membership)
        {
            membership.Hold(roles);
        }
        else
        {
            memberships.Add(new Membership(Id, odsCode, roles, isDefault: memberships.Count == 0));
        }
    }

    /// <summary>Joins the organisation with one role, as the default organisation, unless already a member of it.</summary>
    public void JoinAsDefault(string odsCode, string role)
    {
        if (memberships.All(m => m.OdsCode != odsCode))
        {
            memberships.Add(new Membership(Id, odsCode, [role], isDefault: true));
        }
    }

    /// <summary>Links the user to a provider's subject, in place of any subject of that provider linked before.</summary>
    public void LinkExternal(string provider, string subject, ExternalLinkMethod method, DateTimeOffset at)
    {
        if (externalLogins.Any(l => l.Provider == provider && l.Subject == subject))
        {
            return;
        }
        externalLogins.RemoveAll(l => l.Provider == provider);
        externalLogins.Add(new ExternalLogin(Id, provider, subject, method, at));
    }

    /// <summary>Removes the link to a provider; false when there was none.</summary>
    public bool UnlinkExternal(string provider) => externalLogins.RemoveAll(l => l.Provider == provider) > 0;
}
