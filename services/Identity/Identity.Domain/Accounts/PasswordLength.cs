namespace IcsComplaints.Identity.Domain.Accounts;

/// <summary>How long a password may be: NCSC guidance asks for length over complexity.</summary>
public static class PasswordLength
{
    /// <summary>Shortest password accepted for a new user.</summary>
    public const int Minimum = 12;

    /// <summary>Longest password accepted: far beyond what anyone types, short of a denial of service.</summary>
    public const int Maximum = 1_024;
}
