// AnnualReportPdf: the annual report on complaints, section by section as Reg 18(2) sets it out (domain.md §2, Reg 18), as an A4 document for a board.
using System.Globalization;
using IcsComplaints.Letters;
using IcsComplaints.Reporting.Domain.Measures;
using IcsComplaints.Reporting.Domain.Returns;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace IcsComplaints.Reporting.Api.Features.GetAnnualReportPdf;

/// <summary>
/// Draws an <see cref="AnnualReport"/> as an A4 PDF: the same figures as the JSON, already prepared for publication,
/// so a withheld count is written "withheld" and nothing the JSON withholds appears. One heading per part of
/// Reg 18(2), each with its figures as a table whose numbers are right-aligned; long text wraps and tables run on to
/// the next page with their header repeated; every page is numbered.
/// </summary>
public static class AnnualReportPdf
{
    /// <summary>What a count withheld under the small-numbers rule reads as.</summary>
    public const string Withheld = "withheld";

    private static readonly double Margin = XUnit.FromMillimeter(20).Point;
    private static readonly double ValueColumn = XUnit.FromMillimeter(45).Point;
    private static readonly double PageWidth = XUnit.FromMillimeter(210).Point;
    private static readonly double PageHeight = XUnit.FromMillimeter(297).Point;
    private static readonly double Width = PageWidth - (2 * Margin);

    /// <summary>The document's title, "Complaints annual report 2025/26".</summary>
    public static string TitleOf(AnnualReport report) => $"Complaints annual report {report.Period}";

    /// <summary>The PDF's bytes.</summary>
    /// <param name="report">The report as published.</param>
    /// <param name="organisationName">The organisation's name in the directory, or <c>null</c> when it has none.</param>
    public static byte[] Render(AnnualReport report, string? organisationName)
    {
        ShippedFonts.Install();
        var whose = organisationName is null ? report.OrganisationCode : $"{organisationName} ({report.OrganisationCode})";
        using var doc = new PdfDocument();
        doc.Info.Title = $"{TitleOf(report)}: {whose}";
        doc.Info.Subject = "Annual report on complaints under regulation 18 of the Local Authority Social Services and National Health Service Complaints (England) Regulations 2009";
        using (var writer = new Writer(doc))
        {
            Write(writer, report, whose);
        }
        Number(doc, $"{whose}, {report.Period}", new XFont(ShippedFonts.Family, 9));
        using var stream = new MemoryStream();
        doc.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    /// <summary>A count as the report writes it.</summary>
    public static string Count(int? count) => count?.ToString(CultureInfo.InvariantCulture) ?? Withheld;

    /// <summary>A rate as the report writes it: "12 of 20 (60.0%)".</summary>
    public static string Share(Rate rate) => rate switch
    {
        { Numerator: { } n, Denominator: { } d, Value: { } v } => string.Create(CultureInfo.InvariantCulture, $"{n} of {d} ({v * 100:0.0}%)"),
        { Denominator: 0 } => "none",
        _ => Withheld,
    };

    private static void Write(Writer w, AnnualReport r, string whose)
    {
        var first = int.Parse(r.Period[..4], CultureInfo.InvariantCulture);
        w.Text(TitleOf(r), w.Fonts.Title, after: 4);
        w.Text(whose, w.Fonts.Subtitle, after: 2);
        w.Text($"Financial year 1 April {first} to 31 March {first + 1}", w.Fonts.Body, after: 10);
        w.Text("This report gives what regulation 18 of the Local Authority Social Services and National Health Service Complaints (England) " +
            "Regulations 2009 asks of an organisation's annual report on the complaints it received and how it handled them.", w.Fonts.Body, after: 4);
        w.Text(r.Suppressed
            ? "The report is published, so counts of 1 to 4, and any figure from which one could be worked out, are withheld: they read \"withheld\"."
            : "The report is published, so counts of 1 to 4, and any figure from which one could be worked out, would be withheld; none is.", w.Fonts.Body, after: 8);

        w.Section("Complaints received", "Regulation 18(2)(a)");
        w.Table("Complaints received in the year", ("Complaints", "Number"), [
            ("Complaints received", Count(r.Received)),
            .. r.Measures.ReceivedByChannel.Select(c => (Channel(c.Key), Count(c.Value)))]);

        w.Section("Complaints decided to be well-founded", "Regulation 18(2)(b)");
        w.Table("Final responses in the year by outcome", ("Outcome", "Number"), [
            ("Decided to be well-founded (upheld or partly upheld)", Count(r.DecidedWellFounded)),
            .. r.Measures.Outcomes.Select(o => (Words(o.Key), Count(o.Value)))]);

        w.Section("Complaints referred to the Health Service Commissioner", "Regulation 18(2)(c)");
        w.Table("Complaints the complainant took to the Parliamentary and Health Service Ombudsman", ("Complaints", "Number"), [
            ("Referred to the Ombudsman", Count(r.ReferredToOmbudsman))]);

        w.Section("Subject matter of the complaints", "Regulation 18(2)(d)");
        w.Text("By KO41 subject area; a complaint about more than one subject counts once under each.", w.Fonts.Body, after: 4);
        if (r.SubjectMatter.Count == 0)
        {
            w.Text("No complaint received in the year was coded by subject.", w.Fonts.Body, after: 6);
        }
        else
        {
            w.Table("Complaints received by subject area", ("Subject area", "Complaints"), [.. r.SubjectMatter.Select(s => (s.Key, Count(s.Value)))]);
        }

        w.Section("Matters of general importance", "Regulation 18(2)(d)");
        w.Text("Themes detected in the complaints during the year, by the platform's stated statistical rule:", w.Fonts.Body, after: 4);
        foreach (var theme in r.MattersOfGeneralImportance.DefaultIfEmpty("No theme was detected in the year."))
        {
            w.Text($"• {theme}", w.Fonts.Body, after: 2, indent: 8);
        }
        w.Space(6);
        var m = r.Measures;
        w.Table("The way complaints were handled", ("Measure", "Figure"), [
            ("Acknowledged within 3 working days", Share(m.AcknowledgedInTime)),
            ("Resolved at early resolution", Share(m.ResolvedEarly)),
            ("Responded to by the date agreed with the complainant", Share(m.ByAgreedDate)),
            ("Response date renegotiated", Share(m.Renegotiated)),
            ("Case reopened after the response", Share(m.Reopened)),
            ("Supported by an advocate", Share(m.WithAdvocacy)),
            ("Past the six-month backstop", Count(m.BackstopBreaches))]);

        w.Section("Action taken to improve services", "Regulation 18(2)(e)");
        w.Table("Learning actions from complaints", ("Learning actions", "Number"), [
            ("Raised in the year", Count(r.ActionsRaised)),
            ("Completed in the year", Count(r.ActionsCompleted)),
            ("Completed and published as \"you said, we did\"", Count(r.ActionsPublished))]);
    }

    // Page numbers go on once the page count is known.
    private static void Number(PdfDocument doc, string footer, XFont small)
    {
        var pages = doc.PageCount;
        for (var i = 0; i < pages; i++)
        {
            var page = doc.Pages[i];
            using var gfx = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var y = PageHeight - (Margin / 2);
            gfx.DrawString(footer, small, XBrushes.DimGray, new XPoint(Margin, y));
            var number = $"Page {i + 1} of {pages}";
            gfx.DrawString(number, small, XBrushes.DimGray, new XPoint(PageWidth - Margin - gfx.MeasureString(number, small).Width, y));
        }
    }

    private static string Channel(string key) => key switch
    {
        "Online" => "Made online",
        "InPerson" => "Made in person",
        "Pals" => "Made through PALS",
        "Integration" => "Recorded by another system",
        _ => $"Made by {Words(key).ToLowerInvariant()}",
    };

    // "PartiallyUpheld" reads "Partially upheld".
    private static string Words(string key) =>
        string.Concat(key.Select((c, i) => i > 0 && char.IsUpper(c) ? $" {char.ToLowerInvariant(c)}" : c.ToString()));

    // Made for each document rather than shared, so that reports drawn at the same time share no drawing objects.
    private sealed class Typefaces
    {
        public XFont Title { get; } = new(ShippedFonts.Family, 22, XFontStyleEx.Bold);
        public XFont Subtitle { get; } = new(ShippedFonts.Family, 14, XFontStyleEx.Bold);
        public XFont Heading { get; } = new(ShippedFonts.Family, 14, XFontStyleEx.Bold);
        public XFont Body { get; } = new(ShippedFonts.Family, 11);
        public XFont BodyBold { get; } = new(ShippedFonts.Family, 11, XFontStyleEx.Bold);
        public XFont Small { get; } = new(ShippedFonts.Family, 9);
    }

    // Writes down the page, starting a new one whenever the next line would cross the bottom margin.
    private sealed class Writer : IDisposable
    {
        private readonly PdfDocument _doc;
        private XGraphics _gfx;
        private double _y;

        public Writer(PdfDocument doc)
        {
            Fonts = new Typefaces();
            _doc = doc;
            _gfx = NewPage();
        }

        public Typefaces Fonts { get; }

        public void Text(string text, XFont font, double after, double indent = 0)
        {
            foreach (var line in PdfText.Wrap(text, Width - indent, s => _gfx.MeasureString(s, font).Width))
            {
                var height = font.GetHeight() * 1.2;
                Room(height);
                _gfx.DrawString(line, font, XBrushes.Black, new XPoint(Margin + indent, _y + (font.GetHeight() * 0.8)));
                _y += height;
            }
            _y += after;
        }

        public void Space(double points) => _y += points;

        // A heading is kept with at least a few lines of what follows it.
        public void Section(string heading, string source)
        {
            Room(Fonts.Heading.GetHeight() * 6);
            _y += 8;
            Text(heading, Fonts.Heading, after: 1);
            Text(source, Fonts.Small, after: 6);
        }

        public void Table(string caption, (string Label, string Value) header, IReadOnlyList<(string Label, string Value)> rows)
        {
            Room(Fonts.Body.GetHeight() * 5);
            Text(caption, Fonts.BodyBold, after: 3);
            Row(header, Fonts.BodyBold, XPens.Black);
            foreach (var row in rows)
            {
                var lines = PdfText.Wrap(row.Label, Width - ValueColumn - 6, s => _gfx.MeasureString(s, Fonts.Body).Width);
                if (!Fits((lines.Count * Fonts.Body.GetHeight() * 1.2) + 6))
                {
                    NewPage();
                    Row(header, Fonts.BodyBold, XPens.Black);
                }
                Row(row, Fonts.Body, XPens.LightGray);
            }
            _y += 10;
        }

        public void Dispose() => _gfx.Dispose();

        private void Row((string Label, string Value) row, XFont font, XPen rule)
        {
            var lines = PdfText.Wrap(row.Label, Width - ValueColumn - 6, s => _gfx.MeasureString(s, font).Width);
            var top = _y + 3;
            var lineHeight = font.GetHeight() * 1.2;
            for (var i = 0; i < lines.Count; i++)
            {
                _gfx.DrawString(lines[i], font, XBrushes.Black, new XPoint(Margin, top + (i * lineHeight) + (font.GetHeight() * 0.8)));
            }
            var valueWidth = _gfx.MeasureString(row.Value, font).Width;
            _gfx.DrawString(row.Value, font, XBrushes.Black, new XPoint(Margin + Width - valueWidth, top + (font.GetHeight() * 0.8)));
            _y = top + (lines.Count * lineHeight) + 3;
            _gfx.DrawLine(rule, Margin, _y, Margin + Width, _y);
        }

        // The bottom margin leaves room for the page number.
        private bool Fits(double height) => _y + height <= PageHeight - (Margin * 1.5);

        private void Room(double height)
        {
            if (!Fits(height))
            {
                NewPage();
            }
        }

        private XGraphics NewPage()
        {
            // Called from the constructor before the first page exists.
            _gfx?.Dispose();
            var page = _doc.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            _gfx = XGraphics.FromPdfPage(page);
            _y = Margin;
            return _gfx;
        }
    }
}
