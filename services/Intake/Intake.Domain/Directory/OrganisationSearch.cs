using System.Globalization;
using System.Text;
using IcsComplaints.Nhs;

namespace IcsComplaints.Intake.Domain.Directory;

/// <summary>How near an organisation's postcode is to the one searched from.</summary>
public enum PostcodeNearness
{
    /// <summary>The same postcode district (outward code): <c>SE1 7EH</c> and <c>SE1 2TZ</c>.</summary>
    SameDistrict = 0,

    /// <summary>The same postcode area (its letters): <c>SE1 7EH</c> and <c>SE5 9RS</c>.</summary>
    SameArea = 1,
}

/// <summary>
/// Finding the organisation to complain to as a member of the public looks for it (Complaint Standards, "Welcoming
/// complaints": several channels, online included, and easy to understand how to complain — domain.md §1.4). By
/// name: the words they type appear in the name, whatever the case and however they write "St" or "Saint",
/// apostrophes, and "&amp;" or "and". By postcode: an approximation until a geographic lookup (postcode coordinates) exists — organisations
/// whose main site or headquarters is in the same postcode district come first, then those in the same postcode
/// area; the others are left out, since nothing says they are near.
/// </summary>
public static class OrganisationSearch
{
    /// <summary>
    /// The text as names are compared: lower case, without accents or apostrophes, "&amp;" as "and", "saint" as "st",
    /// any other punctuation as a space, single spaces between words. Empty when no letter or digit is left.
    /// </summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var plain = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is '\'' or '\u2018' or '\u2019' or '\u02BC' or '`')
            {
                continue;
            }
            if (c == '&')
            {
                plain.Append(" and ");
            }
            else
            {
                plain.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
            }
        }
        var words = plain.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w == "saint" ? "st" : w);
        return string.Join(' ', words);
    }

    /// <summary>
    /// How well the name matches the folded words searched for: 0 when it starts with them, 1 when one of its words
    /// does, 2 when they appear inside a word; <c>null</c> when they do not appear.
    /// </summary>
    public static int? NameMatch(string name, string foldedQuery)
    {
        ArgumentNullException.ThrowIfNull(foldedQuery);
        var folded = Fold(name);
        if (foldedQuery.Length == 0 || !folded.Contains(foldedQuery, StringComparison.Ordinal))
        {
            return null;
        }
        return folded.StartsWith(foldedQuery, StringComparison.Ordinal) ? 0
            : (" " + folded).Contains(" " + foldedQuery, StringComparison.Ordinal) ? 1
            : 2;
    }

    /// <summary>How near the organisation's postcode is to <paramref name="postcode"/>; <c>null</c> when not near or not known.</summary>
    public static PostcodeNearness? Nearness(string? organisationPostcode, string postcode)
    {
        if (Postcodes.District(organisationPostcode) is not { } district || Postcodes.District(postcode) is not { } searched)
        {
            return null;
        }
        if (district == searched)
        {
            return PostcodeNearness.SameDistrict;
        }
        return Postcodes.Area(organisationPostcode) == Postcodes.Area(postcode) ? PostcodeNearness.SameArea : null;
    }

    /// <summary>
    /// The organisations matching the name (when <paramref name="query"/> is given) near the postcode (when
    /// <paramref name="postcode"/> is given), nearest first, then best name match, then by name.
    /// </summary>
    public static IReadOnlyList<DirectoryOrganisation> Find(IEnumerable<DirectoryOrganisation> organisations, string? query, string? postcode)
    {
        ArgumentNullException.ThrowIfNull(organisations);
        var folded = string.IsNullOrWhiteSpace(query) ? null : Fold(query);
        var searchedFrom = string.IsNullOrWhiteSpace(postcode) ? null : postcode;
        var found = organisations
            .Select(o => (Organisation: o,
                NameMatch: folded is null ? 0 : NameMatch(o.Name, folded),
                Nearness: searchedFrom is null ? PostcodeNearness.SameDistrict : Nearness(o.Postcode, searchedFrom)))
            .Where(m => m.NameMatch is not null && m.Nearness is not null)
            .OrderBy(m => m.Nearness)
            .ThenBy(m => m.NameMatch)
            .ThenBy(m => m.Organisation.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(m => m.Organisation.OdsCode, StringComparer.Ordinal)
            .Select(m => m.Organisation);
        return [.. found];
    }
}
