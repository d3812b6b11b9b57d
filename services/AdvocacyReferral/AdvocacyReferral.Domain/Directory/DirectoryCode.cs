namespace IcsComplaints.AdvocacyReferral.Domain.Directory;

/// <summary>The codes of the directory (advocacy services', local authorities'): letters and digits, stored upper case.</summary>
public static class DirectoryCode
{
    /// <summary>The longest code the directory holds or is asked for.</summary>
    public const int MaxLength = 12;

    /// <summary>The code as stored, or <c>null</c> when the text cannot be a code, so it names nothing here.</summary>
    public static string? Canonical(string? code)
    {
        var trimmed = code?.Trim().ToUpperInvariant();
        return trimmed is { Length: > 0 and <= MaxLength } && trimmed.All(char.IsAsciiLetterOrDigit) ? trimmed : null;
    }
}
