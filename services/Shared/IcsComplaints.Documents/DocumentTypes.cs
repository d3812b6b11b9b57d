using System.IO.Compression;
using System.Text;

namespace IcsComplaints.Documents;

/// <summary>A kind of file the platform keeps, with the media type and extension it is always served with.</summary>
/// <param name="Name">What people call it.</param>
/// <param name="MediaType">The media type it is served as, whatever the uploader said.</param>
/// <param name="Extension">The extension its stored name is given.</param>
public sealed record DocumentType(string Name, string MediaType, string Extension);

/// <summary>
/// Decides what a file is from its bytes alone: the name and the Content-Type the uploader sent are never trusted
/// (ADR 43). Only the kinds people send with a complaint and staff add to a case are kept: PDF, photos (JPEG, PNG,
/// HEIC), plain text, Word (.docx) and OpenDocument text (.odt). Anything else, including a web page or an office
/// file carrying macros, is refused.
/// </summary>
public static class DocumentTypes
{
    /// <summary>A PDF.</summary>
    public static readonly DocumentType Pdf = new("PDF", "application/pdf", ".pdf");

    /// <summary>A JPEG photo.</summary>
    public static readonly DocumentType Jpeg = new("JPEG image", "image/jpeg", ".jpg");

    /// <summary>A PNG image.</summary>
    public static readonly DocumentType Png = new("PNG image", "image/png", ".png");

    /// <summary>A HEIC photo, as phones take them.</summary>
    public static readonly DocumentType Heic = new("HEIC image", "image/heic", ".heic");

    /// <summary>Plain text in UTF-8.</summary>
    public static readonly DocumentType Text = new("Text", "text/plain; charset=utf-8", ".txt");

    /// <summary>A Word document.</summary>
    public static readonly DocumentType Docx = new("Word document", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx");

    /// <summary>An OpenDocument text document.</summary>
    public static readonly DocumentType Odt = new("OpenDocument text", "application/vnd.oasis.opendocument.text", ".odt");

    /// <summary>Every kind kept, for saying what is accepted.</summary>
    public static readonly IReadOnlyList<DocumentType> All = [Pdf, Jpeg, Png, Heic, Text, Docx, Odt];

    /// <summary>What people are told the platform accepts.</summary>
    public const string AcceptedKinds = "a PDF, a photo (JPEG, PNG or HEIC), a text file, or a Word or OpenDocument text document";

    /// <summary>The kind of the file, or <c>null</c> when it is none the platform keeps.</summary>
    public static DocumentType? Detect(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }
        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }
        if (content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }
        if (IsHeic(content))
        {
            return Heic;
        }
        if (content.StartsWith("PK\x03\x04"u8))
        {
            return OfficeDocument(content);
        }
        return IsPlainText(content) ? Text : null;
    }

    // ISO base media: a box size, then "ftyp" and a brand of the HEIF image family.
    private static bool IsHeic(ReadOnlySpan<byte> content) =>
        content.Length >= 12 && content[4..8].SequenceEqual("ftyp"u8) &&
        (content[8..12].SequenceEqual("heic"u8) || content[8..12].SequenceEqual("heix"u8) || content[8..12].SequenceEqual("mif1"u8));

    // A Word file is a zip with word/document.xml; an ODF text one starts with a stored "mimetype" entry naming it.
    // Macros (a VBA project, or ODF Basic) make a document something that runs, so those are refused.
    private static DocumentType? OfficeDocument(ReadOnlySpan<byte> content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content.ToArray(), writable: false), ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (names.Any(n => n.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase) || n.StartsWith("Basic/", StringComparison.OrdinalIgnoreCase)))
            {
                return null;
            }
            if (names.Contains("[Content_Types].xml") && names.Contains("word/document.xml"))
            {
                return Docx;
            }
            if (zip.GetEntry("mimetype") is { Length: < 100 } mimetype)
            {
                using var reader = new StreamReader(mimetype.Open(), Encoding.ASCII);
                return reader.ReadToEnd().Trim() == Odt.MediaType ? Odt : null;
            }
            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    // Text is valid UTF-8 without control characters other than tab, line breaks and form feed, and is not markup:
    // a file that opens as a web page or a vector image is not a letter.
    private static bool IsPlainText(ReadOnlySpan<byte> content)
    {
        if (content.IsEmpty)
        {
            return false;
        }
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        foreach (var c in text)
        {
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\f'))
            {
                return false;
            }
        }
        var start = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return !(start.StartsWith('<') && Markup.Any(m => start.Contains(m, StringComparison.OrdinalIgnoreCase)));
    }

    private static readonly string[] Markup = ["<html", "<!doctype", "<script", "<svg", "<?xml", "<body", "<iframe"];
}
