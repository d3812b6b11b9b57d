using PdfSharp.Fonts;

namespace IcsComplaints.Letters;

/// <summary>
/// The fonts the platform's PDFs (reporting's annual report, correspondence's letters) are set in: Liberation Sans
/// (SIL Open Font License, Fonts/OFL.txt), shipped in the service's own folder. PDFsharp finds no system fonts on
/// Linux, and a font the host happens to have would make the document depend on the machine it was made on, so every
/// family asked for is answered with these two faces.
/// </summary>
public sealed class ShippedFonts : IFontResolver
{
    /// <summary>The family name the renderer asks for; any other name gets the same faces.</summary>
    public const string Family = "Liberation Sans";

    /// <summary>The regular face's name, as <see cref="GetFont"/> knows it.</summary>
    public const string Regular = "LiberationSans-Regular";

    /// <summary>The bold face's name.</summary>
    public const string Bold = "LiberationSans-Bold";

    private static readonly Lock Installing = new();
    private static readonly Dictionary<string, Lazy<byte[]>> Faces = new(StringComparer.Ordinal)
    {
        [Regular] = new(() => Read(Regular)),
        [Bold] = new(() => Read(Bold)),
    };

    /// <summary>Makes these fonts PDFsharp's, once per process (PDFsharp's resolver is global and should not change once used).</summary>
    public static void Install()
    {
        lock (Installing)
        {
            GlobalFontSettings.FontResolver ??= new ShippedFonts();
        }
    }

    /// <inheritdoc />
    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        // There is no italic face: PDFsharp slants the regular or bold one.
        new(bold ? Bold : Regular, mustSimulateBold: false, mustSimulateItalic: italic);

    /// <inheritdoc />
    public byte[]? GetFont(string faceName) => Faces.TryGetValue(faceName, out var face) ? face.Value : null;

    private static byte[] Read(string face) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fonts", face + ".ttf"));
}
