using IcsComplaints.Letters;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace IcsComplaints.Reporting.Api.Features;

/// <summary>A document to download.</summary>
/// <param name="Content">Its bytes.</param>
/// <param name="FileName">The name to save it under.</param>
public sealed record ReportFile(byte[] Content, string FileName);

/// <summary>
/// An A4 report written down the page for a board: headings kept with what follows them, text that wraps, tables
/// whose label column wraps and whose figures are right-aligned, running on to the next page with their header
/// repeated, and every page numbered once the count is known. Made for each document, so that reports drawn at the
/// same time share no drawing objects.
/// </summary>
public sealed class ReportDocument : IDisposable
{
    private static readonly double Margin = XUnit.FromMillimeter(20).Point;
    private static readonly double ValueColumn = XUnit.FromMillimeter(45).Point;
    private static readonly double PageWidth = XUnit.FromMillimeter(210).Point;
    private static readonly double PageHeight = XUnit.FromMillimeter(297).Point;
    private static readonly double Width = PageWidth - (2 * Margin);

    private readonly PdfDocument _doc = new();
    private XGraphics _gfx;
    private double _y;

    /// <summary>A document with its title and subject in its properties, and its first page.</summary>
    public ReportDocument(string title, string subject)
    {
        // Before any font is made: the typefaces resolve to the fonts the service ships.
        ShippedFonts.Install();
        Fonts = new ReportFonts();
        _doc.Info.Title = title;
        _doc.Info.Subject = subject;
        _gfx = NewPage();
    }

    /// <summary>The typefaces, made for this document.</summary>
    public ReportFonts Fonts { get; }

    /// <summary>Writes a paragraph, wrapped, then leaves <paramref name="after"/> points.</summary>
    public void Text(string text, XFont font, double after, double indent = 0)
    {
        ArgumentNullException.ThrowIfNull(font);
        foreach (var line in PdfText.Wrap(text, Width - indent, s => _gfx.MeasureString(s, font).Width))
        {
            var height = font.GetHeight() * 1.2;
            Room(height);
            _gfx.DrawString(line, font, XBrushes.Black, new XPoint(Margin + indent, _y + (font.GetHeight() * 0.8)));
            _y += height;
        }
        _y += after;
    }

    /// <summary>Leaves space.</summary>
    public void Space(double points) => _y += points;

    /// <summary>A heading, with where it comes from in small type, kept with at least a few lines of what follows.</summary>
    public void Section(string heading, string? source)
    {
        Room(Fonts.Heading.GetHeight() * 6);
        _y += 8;
        Text(heading, Fonts.Heading, after: source is null ? 4 : 1);
        if (source is not null)
        {
            Text(source, Fonts.Small, after: 6);
        }
    }

    /// <summary>A table of a label and one figure a row.</summary>
    public void Table(string caption, (string Label, string Value) header, IReadOnlyList<(string Label, string Value)> rows) =>
        Table(caption, [header.Label, header.Value], [.. rows.Select(r => (IReadOnlyList<string>)[r.Label, r.Value])]);

    /// <summary>A table whose first column is a label and whose others are figures, right-aligned.</summary>
    public void Table(string caption, IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        Room(Fonts.Body.GetHeight() * 5);
        Text(caption, Fonts.BodyBold, after: 3);
        Row(header, Fonts.BodyBold, XPens.Black);
        foreach (var row in rows)
        {
            if (!Fits((Lines(row[0], Fonts.Body, row.Count).Count * Fonts.Body.GetHeight() * 1.2) + 6))
            {
                NewPage();
                Row(header, Fonts.BodyBold, XPens.Black);
            }
            Row(row, Fonts.Body, XPens.LightGray);
        }
        _y += 10;
    }

    /// <summary>Numbers every page with <paramref name="footer"/> beside the number, and gives the PDF's bytes.</summary>
    public byte[] Finish(string footer)
    {
        _gfx.Dispose();
        var small = new XFont(ShippedFonts.Family, 9);
        var pages = _doc.PageCount;
        for (var i = 0; i < pages; i++)
        {
            using var gfx = XGraphics.FromPdfPage(_doc.Pages[i], XGraphicsPdfPageOptions.Append);
            var y = PageHeight - (Margin / 2);
            gfx.DrawString(footer, small, XBrushes.DimGray, new XPoint(Margin, y));
            var number = $"Page {i + 1} of {pages}";
            gfx.DrawString(number, small, XBrushes.DimGray, new XPoint(PageWidth - Margin - gfx.MeasureString(number, small).Width, y));
        }
        using var stream = new MemoryStream();
        _doc.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _gfx.Dispose();
        _doc.Dispose();
    }

    // An empty label (a header's first column) still takes a line.
    private IReadOnlyList<string> Lines(string label, XFont font, int columns) => label.Length == 0
        ? [""]
        : PdfText.Wrap(label, Width - ((columns - 1) * ValueColumn) - 6, s => _gfx.MeasureString(s, font).Width);

    private void Row(IReadOnlyList<string> row, XFont font, XPen rule)
    {
        var lines = Lines(row[0], font, row.Count);
        var top = _y + 3;
        var lineHeight = font.GetHeight() * 1.2;
        for (var i = 0; i < lines.Count; i++)
        {
            _gfx.DrawString(lines[i], font, XBrushes.Black, new XPoint(Margin, top + (i * lineHeight) + (font.GetHeight() * 0.8)));
        }
        // The last figure ends at the right margin; each one before it ends a column's width further left.
        for (var c = 1; c < row.Count; c++)
        {
            var right = Margin + Width - ((row.Count - 1 - c) * ValueColumn);
            _gfx.DrawString(row[c], font, XBrushes.Black, new XPoint(right - _gfx.MeasureString(row[c], font).Width, top + (font.GetHeight() * 0.8)));
        }
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

/// <summary>The typefaces of a report.</summary>
public sealed class ReportFonts
{
    /// <summary>The document's title.</summary>
    public XFont Title { get; } = new(ShippedFonts.Family, 22, XFontStyleEx.Bold);

    /// <summary>Whose report it is.</summary>
    public XFont Subtitle { get; } = new(ShippedFonts.Family, 14, XFontStyleEx.Bold);

    /// <summary>A part's heading.</summary>
    public XFont Heading { get; } = new(ShippedFonts.Family, 14, XFontStyleEx.Bold);

    /// <summary>Text.</summary>
    public XFont Body { get; } = new(ShippedFonts.Family, 11);

    /// <summary>A caption, a table's header.</summary>
    public XFont BodyBold { get; } = new(ShippedFonts.Family, 11, XFontStyleEx.Bold);

    /// <summary>Where a part comes from.</summary>
    public XFont Small { get; } = new(ShippedFonts.Family, 9);
}
