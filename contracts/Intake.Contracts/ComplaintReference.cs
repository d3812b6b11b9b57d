using System.Security.Cryptography;

namespace IcsComplaints.Intake.Contracts;

/// <summary>
/// The short reference a complainant quotes: eight characters in two groups (<c>K3QX-9HF7</c>) from an alphabet
/// without 0, O, 1 and I, the last being a Luhn mod 32 check character, so one mistyped or two swapped characters
/// are caught before any lookup.
/// </summary>
public static class ComplaintReference
{
    private const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const int Length = 8;

    /// <summary>A new random reference.</summary>
    public static string New()
    {
        Span<char> body = stackalloc char[Length - 1];
        for (var i = 0; i < body.Length; i++)
        {
            body[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }
        var check = CheckCharacter(body);
        return string.Concat(body[..4], "-", body[4..], check.ToString());
    }

    /// <summary>
    /// Reads a reference as typed by a person (any case, with or without the hyphen or spaces) and returns it in
    /// its canonical form, or <c>null</c> when it is not a valid reference.
    /// </summary>
    public static string? Normalise(string? input)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > 20)
        {
            return null;
        }
        Span<char> chars = stackalloc char[Length];
        var n = 0;
        foreach (var c in input)
        {
            if (c is '-' or ' ')
            {
                continue;
            }
            var upper = char.ToUpperInvariant(c);
            if (n == Length || !Alphabet.Contains(upper, StringComparison.Ordinal))
            {
                return null;
            }
            chars[n++] = upper;
        }
        if (n != Length || CheckCharacter(chars[..(Length - 1)]) != chars[Length - 1])
        {
            return null;
        }
        return string.Concat(chars[..4], "-", chars[4..]);
    }

    private static char CheckCharacter(ReadOnlySpan<char> body)
    {
        // Luhn mod N: double every second code point counting from the right.
        var factor = 2;
        var sum = 0;
        for (var i = body.Length - 1; i >= 0; i--)
        {
            var addend = factor * Alphabet.IndexOf(body[i], StringComparison.Ordinal);
            factor = factor == 2 ? 1 : 2;
            sum += (addend / Alphabet.Length) + (addend % Alphabet.Length);
        }
        var remainder = sum % Alphabet.Length;
        return Alphabet[(Alphabet.Length - remainder) % Alphabet.Length];
    }
}
