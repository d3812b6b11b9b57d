using System.Globalization;
using System.Text;

namespace IcsComplaints.Intake.Domain.Complaints;

/// <summary>
/// The words of a person's name as a search compares them: lower case, accents and apostrophes dropped, split at
/// spaces, hyphens and any other mark, so "Siân O'Brien-Évans" is found by "sian obrien evans" and by "Sian", "Evans"
/// or "O'Brien" alike. Staff type names as they hear them over the phone, without the accents the record may carry.
/// </summary>
public static class NameWords
{
    /// <summary>Longest word kept; longer runs of letters are cut, as no one types more to find a person.</summary>
    public const int MaxWordLength = 50;

    /// <summary>The distinct words of the names given, in the order they first appear.</summary>
    public static IReadOnlyList<string> Of(params string?[] names)
    {
        var words = new List<string>();
        foreach (var name in names)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                continue;
            }
            foreach (var word in Split(name))
            {
                if (!words.Contains(word, StringComparer.Ordinal))
                {
                    words.Add(word);
                }
            }
        }
        return words;
    }

    private static IEnumerable<string> Split(string name)
    {
        var word = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark || c is '\'' or '\u2019' or '\u2018')
            {
                continue;
            }
            if (char.IsLetterOrDigit(c))
            {
                if (word.Length < MaxWordLength)
                {
                    word.Append(char.ToLowerInvariant(c));
                }
                continue;
            }
            if (word.Length > 0)
            {
                yield return word.ToString().Normalize(NormalizationForm.FormC);
                word.Clear();
            }
        }
        if (word.Length > 0)
        {
            yield return word.ToString().Normalize(NormalizationForm.FormC);
        }
    }
}

/// <summary>One word of the complainant's or the patient's name, kept with the complaint so a search by name uses an index.</summary>
/// <param name="word">The word, as <see cref="NameWords"/> writes it.</param>
public sealed class ComplaintNameWord(string word)
{
    /// <summary>The word.</summary>
    public string Word { get; private set; } = word;
}
