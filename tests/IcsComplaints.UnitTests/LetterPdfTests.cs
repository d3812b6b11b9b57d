using IcsComplaints.Letters;
using UglyToad.PdfPig;

namespace IcsComplaints.UnitTests;

/// <summary>The letters as PDFs say exactly what their text says, in standard and large print.</summary>
public sealed class LetterPdfTests
{
    // The text rendering's only marks that are layout, not content: the rules under headings and the list bullets.
    private static bool IsLayout(string word) => word.All(c => c is '=' or '-') || word == "•";

    private static List<string> Words(string text) =>
        [.. text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Where(word => !IsLayout(word))];

    // The letters the tests read back are kept in artifacts/letters: the README's pictures of them are made from these.
    private static void Keep(string name, byte[] pdf)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "IcsComplaints.sln")))
        {
            root = root.Parent;
        }
        var folder = Path.Combine(root?.FullName ?? Path.GetTempPath(), "artifacts", "letters");
        System.IO.Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, name), pdf);
    }

    private static List<string> PdfWords(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return [.. document.GetPages().SelectMany(page => page.GetWords()).Select(word => word.Text).Where(word => !IsLayout(word))];
    }

    [Theory]
    [InlineData(LetterFormat.Standard)]
    [InlineData(LetterFormat.LargePrint)]
    public void TheAcknowledgementPdf_ReadsBackWordForWord_AsTheLettersText(LetterFormat format)
    {
        var letter = AcknowledgementLetterTests.Letter();

        var pdf = AcknowledgementLetter.Pdf(letter, format);

        Assert.Equal(Words(AcknowledgementLetter.Text(letter)), PdfWords(pdf));
        Keep($"acknowledgement-{format}.pdf", pdf);
    }

    [Theory]
    [InlineData(LetterFormat.Standard)]
    [InlineData(LetterFormat.LargePrint)]
    public void TheFinalResponsePdf_ReadsBackWordForWord_AsTheLettersText(LetterFormat format)
    {
        var letter = FinalResponseLetterTests.Letter();

        var pdf = FinalResponseLetter.Pdf(letter, format);

        Assert.Equal(Words(FinalResponseLetter.Text(letter)), PdfWords(pdf));
        Keep($"final-response-{format}.pdf", pdf);
    }

    [Fact]
    public void TheLargePrintPdf_RunsToMorePages_ThanTheStandardOne_AndIsTitledWithTheReference()
    {
        var letter = AcknowledgementLetterTests.Letter();

        using var standard = PdfDocument.Open(AcknowledgementLetter.Pdf(letter, LetterFormat.Standard));
        using var large = PdfDocument.Open(AcknowledgementLetter.Pdf(letter, LetterFormat.LargePrint));

        Assert.True(large.NumberOfPages > standard.NumberOfPages, $"large print {large.NumberOfPages} pages, standard {standard.NumberOfPages}");
        Assert.Equal("Acknowledgement of complaint ICS-2026-000123", standard.Information.Title);
        Assert.Equal(18, large.GetPage(1).Letters.Where(l => l.FontName?.Contains("Bold", StringComparison.Ordinal) == false).Max(l => Math.Round(l.FontSize)));
    }

    [Fact]
    public void ALetterWithAccentsAndSymbols_KeepsThemInThePdf()
    {
        var letter = AcknowledgementLetterTests.Letter() with { Addressee = new LetterParty("Zoë Ñúñez–Gwŵr", ["1 Stryd Fawr", "Caerdydd", "CF10 1AA"]) };

        var words = PdfWords(AcknowledgementLetter.Pdf(letter));

        Assert.Contains("Zoë", words);
        Assert.Contains("Ñúñez–Gwŵr,", words);
    }
}
