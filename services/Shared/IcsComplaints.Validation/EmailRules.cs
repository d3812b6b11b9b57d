using System.Text.RegularExpressions;

namespace IcsComplaints.Validation;

/// <summary>
/// What an e-mail address must look like to be kept: one line of at most 254 characters (RFC 5321's limit on a
/// path), a local part without spaces or the characters that need quoting, and a domain of dot-separated labels.
/// Deliberately loose beyond that: the mail server is the judge of whether it exists.
/// </summary>
public static partial class EmailRules
{
    /// <summary>The longest address kept.</summary>
    public const int MaxLength = 254;

    /// <summary>Whether the address is one to keep.</summary>
    public static bool IsValid(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return email.Length <= MaxLength && Pattern().IsMatch(email) && TextRules.Problem(email, MaxLength, singleLine: true) is null;
    }

    [GeneratedRegex(@"^[^@\s""<>(),;:]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$")]
    private static partial Regex Pattern();
}
