namespace IcsComplaints.Identity.Domain.Accounts;

/// <summary>How an account came to be linked to an external provider's subject.</summary>
public enum ExternalLinkMethod
{
    /// <summary>A platform administrator linked it.</summary>
    Administrator = 1,

    /// <summary>The first sign-in through the provider matched a verified email address to the account's user name.</summary>
    VerifiedEmail = 2,

    /// <summary>The first sign-in through a public provider created the account.</summary>
    FirstSignIn = 3,
}

/// <summary>
/// A user's account at an external OpenID Connect provider (NHS CIS2, NHS login): the provider, as this deployment
/// names it in <c>Identity:ExternalProviders</c>, and the subject that provider gives the person. A subject is linked
/// to one account; an account to one subject per provider. Changed only through its <see cref="UserAccount"/>.
/// </summary>
public sealed class ExternalLogin
{
    internal ExternalLogin(Guid userId, string provider, string subject, ExternalLinkMethod method, DateTimeOffset linkedAt)
    {
        UserId = userId;
        Provider = provider;
        Subject = subject;
        Method = method;
        LinkedAt = linkedAt;
    }

    // For EF Core, which sets the properties itself.
    private ExternalLogin()
    {
    }

    /// <summary>The local account.</summary>
    public Guid UserId { get; private set; }

    /// <summary>The provider's name in this deployment's configuration (<c>Cis2</c>, <c>NhsLogin</c>).</summary>
    public string Provider { get; private set; } = "";

    /// <summary>The provider's subject (<c>sub</c>) for the person.</summary>
    public string Subject { get; private set; } = "";

    /// <summary>How the link was made.</summary>
    public ExternalLinkMethod Method { get; private set; }

    /// <summary>When it was made.</summary>
    public DateTimeOffset LinkedAt { get; private set; }
}
