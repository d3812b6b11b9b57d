using PdfSharp.Drawing;
using PdfSharp.Pdf;
using static IcsComplaints.Letters.LetterLayout;

namespace IcsComplaints.Letters;

/// <summary>
/// A letter's blocks as an A4 PDF, the same blocks in the same order as its HTML and text, so the three cannot say
/// different things. Large print follows the HTML's clear-print sizes (18pt body, 1.5 line spacing, left-aligned).
/// </summary>
internal static class LetterPdf
{
    private static readonly double Margin = XUnit.FromMillimeter(25).Point;
    private static readonly double PageHeight = XUnit.FromMillimeter(297).Point;
    private static readonly double Width = XUnit.FromMillimeter(210).Point - (2 * Margin);

    /// <summary>The PDF's bytes.</summary>
    internal static byte[] Render(string title, IReadOnlyList<Block> blocks, LetterFormat format)
    {
        EnsureDefined(format);
        ShippedFonts.Install();
        using var doc = new PdfDocument();
        doc.Info.Title = title;
        using (var writer = new Writer(doc, format == LetterFormat.LargePrint ? Sizes.LargePrint : Sizes.Standard))
        {
            foreach (var block in blocks)
            {
                writer.Write(block);
            }
        }
        using var stream = new MemoryStream();
        doc.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private sealed record Sizes(double Body, double Heading1, double Heading2, double Heading3, double LineSpacing)
    {
        public static readonly Sizes Standard = new(12, 16, 14, 12, 1.25);
        public static readonly Sizes LargePrint = new(18, 24, 22, 20, 1.5);
    }

    // Writes down the page, starting a new one whenever the next line would cross the bottom margin.
    private sealed class Writer : IDisposable
    {
        private readonly PdfDocument _doc;
        private readonly Sizes _sizes;
        private readonly XFont _body;
        private readonly XFont _bold;
        private XGraphics _gfx;
        private double _y;

        public Writer(PdfDocument doc, Sizes sizes)
        {
            _doc = doc;
            _sizes = sizes;
            _body = new XFont(ShippedFonts.Family, sizes.Body);
            _bold = new XFont(ShippedFonts.Family, sizes.Body, XFontStyleEx.Bold);
            _gfx = NewPage();
        }

        public void Write(Block block)
        {
            switch (block)
            {
                case MainHeading heading:
                    Lines(heading.Text, new XFont(ShippedFonts.Family, _sizes.Heading1, XFontStyleEx.Bold), before: _sizes.Body, indent: 0);
                    break;
                case Paragraph paragraph:
                    Lines(paragraph.Text, paragraph.Strong ? _bold : _body, before: 0, indent: 0);
                    break;
                case LineGroup group:
                    foreach (var line in group.Lines.Select(OneLine).Where(line => line.Length > 0))
                    {
                        Lines(line, _body, before: 0, indent: 0, after: 0);
                    }
                    _y += _sizes.Body * 0.75;
                    break;
                case BulletList list:
                    foreach (var item in list.Items)
                    {
                        Bullet(item);
                    }
                    _y += _sizes.Body * 0.5;
                    break;
                case ContactList contacts:
                    foreach (var contact in contacts.Items)
                    {
                        Bullet($"{contact.Label}: {contact.Value}");
                    }
                    _y += _sizes.Body * 0.5;
                    break;
                case Section section:
                    var size = section.Level == 2 ? _sizes.Heading2 : _sizes.Heading3;
                    // A heading is kept with at least two lines of what follows it.
                    Room(LineHeight(size) + (2 * LineHeight(_sizes.Body)));
                    Lines(section.Heading, new XFont(ShippedFonts.Family, size, XFontStyleEx.Bold), before: _sizes.Body * 0.5, indent: 0);
                    foreach (var inner in section.Body)
                    {
                        Write(inner);
                    }
                    break;
                default:
                    throw new InvalidOperationException($"No PDF rendering for {block.GetType().Name}.");
            }
        }

        public void Dispose() => _gfx.Dispose();

        private void Bullet(string text)
        {
            var indent = _sizes.Body * 1.2;
            Room(LineHeight(_sizes.Body));
            _gfx.DrawString("•", _body, XBrushes.Black, new XPoint(Margin, _y + (_body.GetHeight() * 0.8)));
            Lines(text, _body, before: 0, indent: indent, after: _sizes.Body * 0.25);
        }

        private void Lines(string text, XFont font, double before, double indent, double? after = null)
        {
            _y += before;
            var height = LineHeight(font.Size);
            foreach (var line in PdfText.Wrap(OneLine(text), Width - indent, s => _gfx.MeasureString(s, font).Width))
            {
                Room(height);
                _gfx.DrawString(line, font, XBrushes.Black, new XPoint(Margin + indent, _y + (font.GetHeight() * 0.8)));
                _y += height;
            }
            _y += after ?? _sizes.Body * 0.75;
        }

        private double LineHeight(double size) => size * _sizes.LineSpacing;

        private void Room(double height)
        {
            if (_y + height > PageHeight - Margin)
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
