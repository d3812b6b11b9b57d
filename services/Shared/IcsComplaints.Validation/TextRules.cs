using System.Globalization;
using System.Text;

namespace IcsComplaints.Validation;

/// <summary>
/// The one rule for text people type, applied by every service to every text field it stores (REST, gRPC and
/// import alike): trimmed; no control characters but tab, carriage return and line feed (and none of those in a
/// single-line field such as a name); no unpaired surrogates; not made only of invisible characters; and no longer
/// than the column that stores it. PostgreSQL refuses a NUL outright, so letting one through is a 500, not data.
/// </summary>
public static class TextRules
{
    /// <summary>
    /// The text as it will be stored (trimmed), or <c>null</c> when it is absent, blank or invisible. Records an error
    /// against <paramref name="field"/> when it breaks the rule, or when it is required and missing.
    /// </summary>
    /// <param name="value">What was sent.</param>
    /// <param name="field">The field's JSON path, for the error.</param>
    /// <param name="errors">Where errors are collected.</param>
    /// <param name="maxLength">The storing column's length.</param>
    /// <param name="required">The message for a missing value, when the field is required; <c>null</c> when optional.</param>
    /// <param name="singleLine">True for names, titles and codes: no tab or line break either.</param>
    public static string? Read(string? value, string field, ValidationErrors errors, int maxLength, string? required = null, bool singleLine = false)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (value is null || IsInvisible(value))
        {
            if (required is not null)
            {
                errors.Add(field, value is null || value.Length == 0 || string.IsNullOrWhiteSpace(value)
                    ? required
                    : required + " Only invisible characters were given.");
            }
            return null;
        }
        if (Problem(value, maxLength, singleLine) is { } problem)
        {
            errors.Add(field, problem);
            return null;
        }
        return value.Trim();
    }

    /// <summary>What is wrong with <paramref name="value"/> under the rule, in words, or <c>null</c> when nothing is.</summary>
    public static string? Problem(string value, int maxLength, bool singleLine = false)
    {
        ArgumentNullException.ThrowIfNull(value);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }
            if (char.IsSurrogate(c))
            {
                return "This text contains a broken character (an unpaired surrogate).";
            }
            if (IsRefusedControl(c, singleLine))
            {
                return singleLine
                    ? "This must be one line of text, without control characters, tabs or line breaks."
                    : "This text contains a control character; only tabs and line breaks are allowed.";
            }
        }
        var trimmed = value.AsSpan().Trim();
        if (trimmed.Length > maxLength)
        {
            return $"At most {maxLength.ToString("N0", CultureInfo.InvariantCulture)} characters ({trimmed.Length.ToString("N0", CultureInfo.InvariantCulture)} were given).";
        }
        return null;
    }

    /// <summary>
    /// True when nothing in the text would be visible: only white space, control and format characters (zero-width
    /// spaces and joiners, direction marks, the byte-order mark) and the blank fillers some scripts have.
    /// </summary>
    public static bool IsInvisible(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        foreach (var rune in value.EnumerateRunes())
        {
            if (!IsInvisible(rune))
            {
                return false;
            }
        }
        return true;
    }

    // U+034F combining grapheme joiner; U+115F, U+1160, U+3164, U+FFA0 Hangul fillers; U+2800 blank Braille pattern.
    private static bool IsInvisible(Rune rune) =>
        Rune.IsWhiteSpace(rune) || Rune.IsControl(rune) || Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format ||
        rune.Value is 0x034F or 0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800 or 0x180E;

    private static bool IsRefusedControl(char c, bool singleLine) =>
        c is '\t' or '\r' or '\n' ? singleLine : char.IsControl(c) || c is '\uFFFE' or '\uFFFF';
}
