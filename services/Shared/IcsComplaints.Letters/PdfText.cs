namespace IcsComplaints.Letters;

/// <summary>How the platform's PDFs (letters, annual reports) break text into lines, PDFsharp having no text flow of its own.</summary>
public static class PdfText
{
    /// <summary>
    /// Splits text into lines no wider than <paramref name="width"/> as <paramref name="measure"/> measures them,
    /// breaking between words; a word wider than a line is kept whole on a line of its own.
    /// </summary>
    public static IReadOnlyList<string> Wrap(string text, double width, Func<string, double> measure)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(measure);
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : $"{line} {word}";
            if (line.Length > 0 && measure(candidate) > width)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = candidate;
            }
        }
        if (line.Length > 0)
        {
            lines.Add(line);
        }
        return lines;
    }
}
