namespace IcsComplaints.Identity.Api.Accounts;

/// <summary>An organisation users and systems act for, identified by its ODS code.</summary>
public sealed class Organisation
{
    /// <summary>ODS code (an opaque string).</summary>
    public required string OdsCode { get; init; }

    /// <summary>Name.</summary>
    public required string Name { get; set; }

    /// <summary>icb, provider or advocacy (see <c>OrganisationTypes</c>).</summary>
    public required string Type { get; set; }
}

/// <summary>A person who signs in.</summary>
public sealed class UserAccount
{
    /// <summary>Identifier, the token's <c>sub</c>.</summary>
    public Guid Id { get; init; }

    /// <summary>Sign-in name, lower case.</summary>
    public required string UserName { get; init; }

    /// <summary>Name shown in the interface and in tokens.</summary>
    public required string DisplayName { get; set; }

    /// <summary>Password hash (ASP.NET Core Identity's PBKDF2 format).</summary>
    public required string PasswordHash { get; set; }

    /// <summary>Roles that belong to no organisation: platform administrator, complainant.</summary>
    public List<string> Roles { get; set; } = [];

    /// <summary>A disabled account cannot sign in or refresh tokens.</summary>
    public bool Disabled { get; set; }

    /// <summary>Wrong passwords in a row since the last sign-in or lock (<see cref="LockoutPolicy"/>).</summary>
    public int FailedSignIns { get; set; }

    /// <summary>Locks in a row since the last sign-in: each lasts longer than the one before.</summary>
    public int Lockouts { get; set; }

    /// <summary>
    /// Until when the latest lock refuses every password, the right one too; kept after it ends until the next sign-in
    /// or an administrator lifts it, so that its end is audited. <c>null</c> when no lock is in place.
    /// </summary>
    public DateTimeOffset? LockedUntil { get; set; }

    /// <summary>Organisations the user acts for, with their roles in each.</summary>
    public List<Membership> Memberships { get; init; } = [];
}

/// <summary>A user's roles in one organisation.</summary>
public sealed class Membership
{
    /// <summary>The user.</summary>
    public Guid UserId { get; init; }

    /// <summary>The organisation's ODS code.</summary>
    public required string OdsCode { get; init; }

    /// <summary>Roles in that organisation.</summary>
    public List<string> Roles { get; set; } = [];

    /// <summary>The organisation used when a sign-in does not name one.</summary>
    public bool IsDefault { get; set; }

    /// <summary>The organisation.</summary>
    public Organisation? Organisation { get; init; }
}

/// <summary>The organisation and roles of a system that signs in with client credentials.</summary>
public sealed class ClientOrganisation
{
    /// <summary>OAuth client id.</summary>
    public required string ClientId { get; init; }

    /// <summary>The organisation it acts for; it can act for no other.</summary>
    public required string OdsCode { get; init; }

    /// <summary>Its roles.</summary>
    public List<string> Roles { get; set; } = [];

    /// <summary>The organisation.</summary>
    public Organisation? Organisation { get; init; }
}
