namespace IcsComplaints.Nhs;

/// <summary>
/// An organisation's ODS code (Organisation Data Service): 3 to 9 letters and digits, such as RJ1, QKK or A81001,
/// kept upper case. Opaque: nothing is read into its letters.
/// </summary>
public static class OdsCode
{
    /// <summary>The code upper case, or <c>null</c> when it is not the shape of an ODS code.</summary>
    public static string? Normalise(string? code)
    {
        var trimmed = code?.Trim().ToUpperInvariant();
        return trimmed is { Length: >= 3 and <= 9 } && trimmed.All(char.IsAsciiLetterOrDigit) ? trimmed : null;
    }

    /// <summary>True when the text has the shape of an ODS code.</summary>
    public static bool IsValid(string? code) => Normalise(code) is not null;
}
