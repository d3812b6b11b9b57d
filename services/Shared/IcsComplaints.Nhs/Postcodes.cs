using System.Text.RegularExpressions;

namespace IcsComplaints.Nhs;

/// <summary>UK postcodes, as complaints record them and as advocacy services are found by.</summary>
public static partial class Postcodes
{
    /// <summary>The postcode in canonical form (<c>SE1 7EH</c>), or <c>null</c> when it is not a UK postcode.</summary>
    public static string? Normalise(string? input)
    {
        var compact = (input ?? "").Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        if (compact == "GIR0AA")
        {
            return "GIR 0AA";
        }
        return UkPostcode().IsMatch(compact) ? compact[..^3] + " " + compact[^3..] : null;
    }

    /// <summary>The outward code (<c>SE1</c>), used to find the area's advocacy service.</summary>
    public static string? District(string? postcode) => Normalise(postcode)?.Split(' ')[0];

    /// <summary>
    /// The postcode area: the outward code's leading letters (<c>SE</c> of <c>SE1 7EH</c>, <c>M</c> of <c>M13 9WL</c>);
    /// <c>GIR 0AA</c>, the one postcode outside the pattern, is an area of its own.
    /// </summary>
    public static string? Area(string? postcode) =>
        District(postcode) is { } district ? new string([.. district.TakeWhile(char.IsAsciiLetter)]) : null;

    // Outward code (area letters, district digit, optional letter or digit) and inward code (digit and two letters).
    [GeneratedRegex("^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][ABD-HJLNP-UW-Z]{2}$")]
    private static partial Regex UkPostcode();
}
