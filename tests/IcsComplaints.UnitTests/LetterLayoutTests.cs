using IcsComplaints.Letters;

namespace IcsComplaints.UnitTests;

/// <summary>The layout every letter shares: large print and the formats a letter may be asked for.</summary>
public sealed class LetterLayoutTests
{
    private static readonly Dictionary<string, Func<LetterFormat, string>> Letters = new(StringComparer.Ordinal)
    {
        ["acknowledgement"] = format => AcknowledgementLetter.Html(AcknowledgementLetterTests.Letter(), format),
        ["final response"] = format => FinalResponseLetter.Html(FinalResponseLetterTests.Letter(), format),
    };

    public static TheoryData<string> LetterNames => [.. Letters.Keys];

    [Theory]
    [MemberData(nameof(LetterNames))]
    public void LargePrint_CarriesTheClearPrintCss_AndStandardDoesNot(string letter)
    {
        var large = Letters[letter](LetterFormat.LargePrint);
        var standard = Letters[letter](LetterFormat.Standard);

        Assert.Contains("<body data-format=\"large-print\">", large, StringComparison.Ordinal);
        Assert.Contains("body[data-format=\"large-print\"] { font-size: 18pt; line-height: 1.5; text-align: left;", large, StringComparison.Ordinal);
        Assert.Contains("<body data-format=\"standard\">", standard, StringComparison.Ordinal);
        Assert.Contains("font-size: 12pt", standard, StringComparison.Ordinal);
        Assert.DoesNotContain("large-print", standard, StringComparison.Ordinal);
        Assert.DoesNotContain("18pt", standard, StringComparison.Ordinal);
        foreach (var html in new[] { large, standard })
        {
            Assert.Contains("sans-serif", html, StringComparison.Ordinal);
            Assert.DoesNotContain("justify", html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(LetterNames))]
    public void UnknownFormat_IsRefused(string letter)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Letters[letter]((LetterFormat)9));
    }
}
