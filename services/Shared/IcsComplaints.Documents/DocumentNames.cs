using System.Text;

namespace IcsComplaints.Documents;

/// <summary>
/// The name a file is kept and offered under: the uploader's own name without any folder, control characters or
/// characters that mean something to a file system or a header, at most <see cref="MaxLength"/> characters, and
/// always ending in the extension of what the file really is.
/// </summary>
public static class DocumentNames
{
    /// <summary>Longest name kept, extension included.</summary>
    public const int MaxLength = 100;

    private const string Fallback = "document";

    /// <summary>A safe name for a file of <paramref name="type"/> that its uploader called <paramref name="name"/>.</summary>
    public static string Sanitise(string? name, DocumentType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        // Browsers send "C:\fakepath\x.pdf" or a bare name; either way only the last segment is the name.
        var last = (name ?? "").Replace('\\', '/').Split('/').Last().Normalize(NormalizationForm.FormC);
        var stem = Path.GetExtension(last) is { Length: > 0 and <= 6 } extension ? last[..^extension.Length] : last;
        var kept = new StringBuilder();
        foreach (var c in stem)
        {
            if (char.IsControl(c) || char.IsSurrogate(c) || "<>:\"/\\|?*;%".Contains(c, StringComparison.Ordinal))
            {
                kept.Append('_');
            }
            else
            {
                kept.Append(char.IsWhiteSpace(c) ? ' ' : c);
            }
        }
        var cleaned = string.Join(' ', kept.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim('.', ' ', '_');
        if (cleaned.Length == 0)
        {
            cleaned = Fallback;
        }
        var room = MaxLength - type.Extension.Length;
        return (cleaned.Length > room ? cleaned[..room].TrimEnd('.', ' ') : cleaned) + type.Extension;
    }
}
