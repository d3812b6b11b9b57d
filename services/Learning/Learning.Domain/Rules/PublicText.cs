// PublicText: a public "you said, we did" summary or shared learning must not identify anyone (Complaint Standards section 1, share learning; the learning service holds no personal data: ADR 14).
using System.Text.RegularExpressions;

namespace IcsComplaints.Learning.Domain.Rules;

/// <summary>
/// Screens text meant for the public for what would identify someone: e-mail addresses, telephone numbers, NHS
/// numbers, postcodes, dates of birth and a title followed by a name. A screen, not a guarantee: the organisation
/// remains responsible for what it publishes.
/// </summary>
public static partial class PublicText
{
    /// <summary>What was found, in words, or <c>null</c>.</summary>
    public static string? PersonalDataIn(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (Email().IsMatch(text))
        {
            return "e-mail address";
        }
        if (NhsNumber().IsMatch(text))
        {
            return "NHS number";
        }
        if (Phone().IsMatch(text))
        {
            return "telephone number";
        }
        if (Postcode().IsMatch(text))
        {
            return "postcode";
        }
        if (Date().IsMatch(text))
        {
            return "date (it could be a date of birth or of care)";
        }
        return TitledName().IsMatch(text) ? "name" : null;
    }

    [GeneratedRegex(@"[^\s@]+@[^\s@]+\.[^\s@]+")]
    private static partial Regex Email();

    [GeneratedRegex(@"\b\d{3}[ -]?\d{3}[ -]?\d{4}\b")]
    private static partial Regex NhsNumber();

    [GeneratedRegex(@"(\+44\s?|\b0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b")]
    private static partial Regex Phone();

    [GeneratedRegex(@"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", RegexOptions.IgnoreCase)]
    private static partial Regex Postcode();

    [GeneratedRegex(@"\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b")]
    private static partial Regex Date();

    [GeneratedRegex(@"\b(Mr|Mrs|Ms|Miss|Mx|Dr|Nurse|Sister)\.?\s+[A-Z][a-z]+")]
    private static partial Regex TitledName();
}
