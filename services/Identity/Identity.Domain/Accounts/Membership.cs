namespace IcsComplaints.Identity.Domain.Accounts;

/// <summary>A user's roles in one organisation; changed only through its <see cref="UserAccount"/>.</summary>
public sealed class Membership
{
    internal Membership(Guid userId, string odsCode, IEnumerable<string> roles, bool isDefault)
    {
        UserId = userId;
        OdsCode = odsCode;
        Roles = [.. roles];
        IsDefault = isDefault;
    }

    // For EF Core, which sets the properties itself.
    private Membership()
    {
    }

    /// <summary>The user.</summary>
    public Guid UserId { get; private set; }

    /// <summary>The organisation's ODS code.</summary>
    public string OdsCode { get; private set; } = "";

    /// <summary>Roles in that organisation.</summary>
    public List<string> Roles { get; private set; } = [];

    /// <summary>The organisation used when a sign-in does not name one.</summary>
    public bool IsDefault { get; private set; }

    /// <summary>The organisation.</summary>
    public Organisation? Organisation { get; private set; }

    internal void Hold(IEnumerable<string> roles) => Roles = [.. roles];
}
