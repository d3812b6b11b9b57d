namespace IcsComplaints.Identity.Domain.Accounts;

/// <summary>Who signs in through an external provider: staff of the organisations (NHS CIS2) or the public (NHS login).</summary>
public enum ExternalAudience
{
    /// <summary>Staff: only an account set up here, with its memberships, may be used.</summary>
    Staff = 1,

    /// <summary>The public: a complainant account is made on the first sign-in.</summary>
    Public = 2,
}

/// <summary>What a sign-in through an external provider leads to.</summary>
public enum ExternalSignInOutcome
{
    /// <summary>Sign in as the account already linked to the subject.</summary>
    UseLinkedAccount = 1,

    /// <summary>Link the subject to the account whose user name is the verified email address, then sign in as it.</summary>
    LinkByVerifiedEmail = 2,

    /// <summary>Make a complainant account, outside any organisation, linked to the subject, and sign in as it.</summary>
    CreateComplainant = 3,

    /// <summary>Refuse: no account here belongs to that person.</summary>
    Refuse = 4,
}

/// <summary>
/// How a person signed in by an external provider maps to a local account (ADR 20). Roles and organisations always
/// come from the local account, never from the provider's token. Staff get only an account set up here: one a
/// platform administrator linked to their subject, or, where the deployment allows it (<c>LinkByEmail</c>), the one
/// whose user name is the email address the provider says it has verified, unless that account is a platform
/// administrator's (those are linked by an administrator only) or is linked to another subject of that provider
/// already. The public get a complainant account of their own, made on their first sign-in.
/// </summary>
public static class ExternalSignIn
{
    /// <summary>Decides the outcome.</summary>
    /// <param name="audience">Whom the provider signs in.</param>
    /// <param name="linked">The account already linked to the subject, if any.</param>
    /// <param name="linkByEmail">Whether the deployment links staff by verified email on the first sign-in.</param>
    /// <param name="emailVerified">Whether the provider said the email address it gave is verified.</param>
    /// <param name="accountWithThatEmail">The account whose user name is the provider's email address, if any.</param>
    /// <param name="provider">The provider's name, to see whether that account is linked to it already.</param>
    /// <param name="administratorRole">The role that is never linked by email.</param>
    public static ExternalSignInOutcome Decide(
        ExternalAudience audience, UserAccount? linked, bool linkByEmail, bool emailVerified, UserAccount? accountWithThatEmail,
        string provider, string administratorRole)
    {
        if (linked is not null)
        {
            return ExternalSignInOutcome.UseLinkedAccount;
        }
        if (audience == ExternalAudience.Public)
        {
            return ExternalSignInOutcome.CreateComplainant;
        }
        var linkable = linkByEmail && emailVerified && accountWithThatEmail is { } account
            && !account.Roles.Contains(administratorRole)
            && !account.ExternalLogins.Any(l => l.Provider == provider);
        return linkable ? ExternalSignInOutcome.LinkByVerifiedEmail : ExternalSignInOutcome.Refuse;
    }
}
