namespace IcsComplaints.Identity.Domain.Accounts;

/// <summary>
/// The lengths of identity's text columns, in one place: the entity configurations declare them and the
/// administration API refuses longer text with a field-level error before anything reaches the database.
/// </summary>
public static class TextLimits
{
    /// <summary>A user name (<c>users.user_name</c>).</summary>
    public const int UserName = 100;

    /// <summary>The name shown for a user (<c>users.display_name</c>).</summary>
    public const int DisplayName = 200;

    /// <summary>An organisation's name (<c>organisations.name</c>).</summary>
    public const int OrganisationName = 200;

    /// <summary>
    /// The name shown for a client. OpenIddict's column is unbounded text; this is the project's limit, the same as
    /// for other names, so that a client's name fits wherever a name is shown.
    /// </summary>
    public const int ClientDisplayName = 200;

    /// <summary>A client id (<c>OpenIddictApplications.client_id</c>, <c>client_organisations.client_id</c>).</summary>
    public const int ClientId = 100;

    /// <summary>A provider's name in <c>Identity:ExternalProviders</c> (<c>external_logins.provider</c>).</summary>
    public const int ExternalProvider = 40;

    /// <summary>
    /// A subject at an external provider (<c>external_logins.subject</c>): OpenID Connect allows up to 255 ASCII
    /// characters (Core 1.0, section 2).
    /// </summary>
    public const int ExternalSubject = 255;
}
