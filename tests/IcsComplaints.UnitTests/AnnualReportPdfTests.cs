using IcsComplaints.Letters;
using IcsComplaints.Reporting.Api.Features.GetAnnualReportPdf;
using IcsComplaints.Reporting.Domain.Measures;
using IcsComplaints.Reporting.Domain.Returns;
using UglyToad.PdfPig;

namespace IcsComplaints.UnitTests;

/// <summary><see cref="AnnualReportPdf"/> and <see cref="ShippedFonts"/>: the annual report as a document, read back as words.</summary>
public sealed class AnnualReportPdfTests
{
    [Fact]
    public void Wrapping_BreaksBetweenWords_AndKeepsAWordWiderThanTheLineWholeOnItsOwnLine()
    {
        Assert.Equal(["the quick", "brown fox", "jumps"], PdfText.Wrap("the  quick brown fox jumps", 10, s => s.Length));
        Assert.Equal(["a", "unbreakableword", "b c"], PdfText.Wrap("a unbreakableword b c", 5, s => s.Length));
        Assert.Empty(PdfText.Wrap("   ", 10, s => s.Length));
    }

    [Fact]
    public void TheShippedFonts_AnswerAnyFamily_WithTheRegularOrBoldFaceFromTheAppsFolder()
    {
        var fonts = new ShippedFonts();

        Assert.Equal(ShippedFonts.Bold, fonts.ResolveTypeface("Arial", bold: true, italic: false).FaceName);
        Assert.Equal(ShippedFonts.Regular, fonts.ResolveTypeface("Segoe UI", bold: false, italic: true).FaceName);
        // A TrueType file begins 00 01 00 00.
        Assert.Equal([0, 1, 0, 0], fonts.GetFont(ShippedFonts.Regular)![..4]);
        Assert.Equal([0, 1, 0, 0], fonts.GetFont(ShippedFonts.Bold)![..4]);
        Assert.Null(fonts.GetFont("Comic-Sans"));
    }

    [Fact]
    public void ALongReport_RunsOnToNumberedPages_WithEverySubjectAndTheme_AndAWithheldCountReadsWithheld()
    {
        var subjects = Enumerable.Range(1, 45).ToDictionary(i => $"Subject area number {i}", i => i == 7 ? null : (int?)(100 + i), StringComparer.Ordinal);
        var themes = Enumerable.Range(1, 20).Select(i => $"2025-{(i % 12) + 1:00}: Theme {i} (subject area), a description long enough that it has to wrap onto a second line of the page").ToList();
        var report = new AnnualReport("RJ2", "2025/26", 146, 61, null, subjects, themes, 9, 7, 3, Measures(), Suppressed: true);

        var pdf = AnnualReportPdf.Render(report, "Demo Hospitals NHS Trust");

        using var document = PdfDocument.Open(pdf);
        Assert.Equal("Complaints annual report 2025/26: Demo Hospitals NHS Trust (RJ2)", document.Information.Title);
        Assert.True(document.NumberOfPages >= 3, $"{document.NumberOfPages} pages");
        var pages = document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))).ToList();
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Contains($"Page {i + 1} of {pages.Count}", pages[i], StringComparison.Ordinal);
        }
        var all = string.Join(" ", pages);
        Assert.Contains("Complaints received 146", all, StringComparison.Ordinal);
        Assert.Contains("Decided to be well-founded (upheld or partly upheld) 61", all, StringComparison.Ordinal);
        Assert.Contains("Referred to the Ombudsman withheld", all, StringComparison.Ordinal);
        Assert.Contains("Subject area number 7 withheld", all, StringComparison.Ordinal);
        Assert.All(subjects.Where(s => s.Value is not null), s => Assert.Contains($"{s.Key} {s.Value}", all, StringComparison.Ordinal));
        Assert.Contains("Theme 20 (subject area)", all, StringComparison.Ordinal);
        Assert.Contains("Acknowledged within 3 working days 140 of 146 (95.9%)", all, StringComparison.Ordinal);
        // A table that runs on to the next page repeats its header there.
        Assert.True(pages.Count(p => p.Contains("Subject area Complaints", StringComparison.Ordinal)) >= 2, "the subject table's header on each of its pages");
    }

    private static MeasureSet Measures()
    {
        var none = Rate.Of(0, 0);
        return new MeasureSet(
            "RJ2", "2025/26", 146, new Dictionary<string, int?>(StringComparer.Ordinal) { ["Online"] = 100, ["Letter"] = 46 }, Rate.Of(140, 146), none, null, null,
            none, none, 0, new Dictionary<string, int?>(StringComparer.Ordinal) { ["Upheld"] = 30, ["PartiallyUpheld"] = 31, ["NotUpheld"] = 70 }, Rate.Of(61, 131), none, null,
            Rate.Of(10, 146), none, none, none, new Dictionary<string, Rate>(StringComparer.Ordinal), 0, 0);
    }
}
