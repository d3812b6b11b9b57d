using System.Globalization;
using System.Net;
using System.Text;

namespace IcsComplaints.Letters;

/// <summary>
/// The blocks every complaint letter is built from, and their HTML and text rendering: each letter composes its
/// content once and both formats come from it, so the letters look alike and the two versions of one letter cannot
/// drift apart in content or order.
/// </summary>
internal static class LetterLayout
{
    // Plain-text email clients and printers commonly assume 80 columns.
    internal const int TextWidth = 80;

    // Letters are dated the way people in England write dates, whatever culture the server runs in.
    internal static readonly CultureInfo LetterCulture = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>One piece of a letter.</summary>
    internal abstract record Block;

    /// <summary>The letter's single top-level heading.</summary>
    internal sealed record MainHeading(string Text) : Block;

    /// <summary>A paragraph, optionally styled and emphasised.</summary>
    internal sealed record Paragraph(string Text, string? CssClass = null, bool Strong = false) : Block;

    /// <summary>Lines kept together as one block, such as an address.</summary>
    internal sealed record LineGroup(string CssClass, IReadOnlyList<string> Lines) : Block;

    /// <summary>A bulleted list.</summary>
    internal sealed record BulletList(IReadOnlyList<string> Items) : Block;

    /// <summary>A fixed contact detail with the link it opens.</summary>
    internal sealed record Contact(string Label, string Value, string Href);

    /// <summary>A list of linked contact details.</summary>
    internal sealed record ContactList(IReadOnlyList<Contact> Items) : Block;

    /// <summary>A headed section: level 2 for the letter's sections, 3 within them.</summary>
    internal sealed record Section(int Level, string Heading, IReadOnlyList<Block> Body) : Block;

    /// <summary>Refuses a format the renderer does not know, before any work is done.</summary>
    internal static void EnsureDefined(LetterFormat format)
    {
        if (!Enum.IsDefined(format))
        {
            throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown letter format.");
        }
    }

    /// <summary>A complete, self-contained HTML5 document: embedded CSS, no scripts or external resources.</summary>
    internal static string RenderHtml(string title, IReadOnlyList<Block> blocks, LetterFormat format)
    {
        EnsureDefined(format);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\" />\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
            .Append("<title>").Append(Encode(title)).Append("</title>\n")
            .Append("<style>").Append(Stylesheet(format)).Append("</style>\n</head>\n")
            .Append("<body data-format=\"").Append(format == LetterFormat.LargePrint ? "large-print" : "standard").Append("\">\n")
            .Append("<main>\n");
        foreach (var block in blocks)
        {
            AppendHtml(html, block);
        }
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>
    /// The Content-Security-Policy of an HTML letter: nothing but its own stylesheet, named by its hash, so that no
    /// inline style or script anyone managed to put into the letter's text could take effect.
    /// </summary>
    internal static string ContentSecurityPolicy(LetterFormat format) =>
        "default-src 'none'; style-src 'sha256-" + Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(Stylesheet(format)))) +
        "'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private static string Stylesheet(LetterFormat format) => "\n" + StandardCss + (format == LetterFormat.LargePrint ? LargePrintCss : "");

    /// <summary>Plain text: headings underlined, paragraphs wrapped at 80 characters, lists with "- ", lines separated by "\n".</summary>
    internal static string RenderText(IReadOnlyList<Block> blocks)
    {
        var chunks = new List<IReadOnlyList<string>>();
        foreach (var block in blocks)
        {
            AppendText(chunks, block);
        }
        return string.Join("\n\n", chunks.Select(lines => string.Join('\n', lines))) + "\n";
    }

    /// <summary>
    /// How every letter opens: the organisation as letterhead, the addressee's name and address, the date and the
    /// reference, so that each letter is recognisably the same organisation's.
    /// </summary>
    /// <param name="organisationName">The writing organisation.</param>
    /// <param name="addressee">Who the letter goes to.</param>
    /// <param name="letterDate">The letter's date.</param>
    /// <param name="reference">The complaint reference.</param>
    internal static IReadOnlyList<Block> Opening(string organisationName, LetterParty addressee, DateOnly letterDate, string reference) =>
    [
        new Paragraph(organisationName, "letterhead", Strong: true),
        new LineGroup("addressee", [addressee.Name, .. addressee.AddressLines]),
        new Paragraph(Date(letterDate), "date"),
        new Paragraph($"Our reference: {OneLine(reference)}", "reference"),
    ];

    /// <summary>How every letter ends: "Yours sincerely" and the signatory's lines.</summary>
    /// <param name="signatory">Who signs, one line each (name, then title or team and organisation).</param>
    internal static IReadOnlyList<Block> SignOff(params string[] signatory) =>
    [
        new Paragraph("Yours sincerely", "sign-off"),
        new LineGroup("signatory", signatory),
    ];

    /// <summary>
    /// How to go to the Parliamentary and Health Service Ombudsman, which every response must say (Reg 14(2)(d)),
    /// after the letter's own opening sentence.
    /// </summary>
    /// <param name="opening">The letter's own first sentence, saying when to go to the Ombudsman.</param>
    internal static IReadOnlyList<Block> Ombudsman(string opening) =>
    [
        new Paragraph(opening + " The Ombudsman makes final decisions on complaints that have not been resolved by the NHS in England. Its service is free."),
        new Paragraph("You should normally contact the Ombudsman within 12 months of when you first became aware "
            + "of the problem. The Ombudsman can look at a complaint made later if there is a good reason why it "
            + "was not made sooner."),
        new ContactList(
        [
            new Contact("Telephone", "0345 015 4033", "tel:+443450154033"),
            new Contact("Website", "www.ombudsman.org.uk", "https://www.ombudsman.org.uk"),
        ]),
    ];

    /// <summary>
    /// The paragraph about independent NHS complaints advocacy: the named service for the complainant's area when the
    /// organisation knows it, otherwise where to find it, because the local authority commissions it and providers differ.
    /// </summary>
    /// <param name="advocacy">The local service, when known.</param>
    /// <param name="helpsYouTo">What it can help with, completing "can help you ...".</param>
    internal static Paragraph Advocacy(LetterAdvocacy? advocacy, string helpsYouTo) => advocacy is null
        ? new Paragraph($"An independent NHS complaints advocacy service can help you {helpsYouTo}, free of charge. "
            + "Your local council can tell you who provides this service in your area.")
        : new Paragraph($"Independent NHS complaints advocacy is free and can help you {helpsYouTo}. "
            + $"In your area it is provided by {OneLine(advocacy.Name)}: telephone {OneLine(advocacy.Phone)}, "
            + $"e-mail {OneLine(advocacy.Email)}, website {OneLine(advocacy.Website)}.");

    /// <summary>A date as written in English letters, such as "3 March 2026".</summary>
    internal static string Date(DateOnly date) => date.ToString("d MMMM yyyy", LetterCulture);

    /// <summary>Caller text as paragraphs, one per line, so a pasted multi-paragraph answer keeps its shape.</summary>
    internal static List<Block> Paragraphs(string? text) =>
        [.. (text ?? "").ReplaceLineEndings("\n")
            .Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(paragraph => new Paragraph(paragraph))];

    /// <summary>Caller text on one line, because headings and list items must stay on one line whatever the caller typed.</summary>
    internal static string OneLine(string? text) => string.Join(' ', Words(text));

    private static string[] Words(string? text) => (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static void AppendHtml(StringBuilder html, Block block)
    {
        switch (block)
        {
            case MainHeading heading:
                html.Append("<h1>").Append(Encode(heading.Text)).Append("</h1>\n");
                break;
            case Paragraph paragraph:
                html.Append(paragraph.CssClass is null ? "<p>" : $"<p class=\"{paragraph.CssClass}\">")
                    .Append(paragraph.Strong ? "<strong>" : "")
                    .Append(Encode(paragraph.Text))
                    .Append(paragraph.Strong ? "</strong>" : "")
                    .Append("</p>\n");
                break;
            case LineGroup group:
                html.Append("<p class=\"").Append(group.CssClass).Append("\">")
                    .AppendJoin("<br />\n", group.Lines.Select(OneLine).Where(line => line.Length > 0).Select(Encode))
                    .Append("</p>\n");
                break;
            case BulletList list:
                html.Append("<ul>\n");
                foreach (var item in list.Items)
                {
                    html.Append("<li>").Append(Encode(item)).Append("</li>\n");
                }
                html.Append("</ul>\n");
                break;
            case ContactList contacts:
                html.Append("<ul class=\"contact\">\n");
                foreach (var contact in contacts.Items)
                {
                    html.Append("<li>").Append(Encode(contact.Label)).Append(": <a href=\"").Append(Encode(contact.Href)).Append("\">")
                        .Append(Encode(contact.Value)).Append("</a></li>\n");
                }
                html.Append("</ul>\n");
                break;
            case Section section:
                html.Append("<section>\n")
                    .Append(CultureInfo.InvariantCulture, $"<h{section.Level}>").Append(Encode(section.Heading))
                    .Append(CultureInfo.InvariantCulture, $"</h{section.Level}>\n");
                foreach (var inner in section.Body)
                {
                    AppendHtml(html, inner);
                }
                html.Append("</section>\n");
                break;
            default:
                throw new InvalidOperationException($"No HTML rendering for {block.GetType().Name}.");
        }
    }

    private static void AppendText(List<IReadOnlyList<string>> chunks, Block block)
    {
        switch (block)
        {
            case MainHeading heading:
                chunks.Add(Underlined(heading.Text, '=', overline: true));
                break;
            case Paragraph paragraph:
                chunks.Add(Wrap(paragraph.Text, "", ""));
                break;
            case LineGroup group:
                chunks.Add([.. group.Lines.Where(line => !string.IsNullOrWhiteSpace(line)).SelectMany(line => Wrap(line, "", ""))]);
                break;
            case BulletList list:
                chunks.Add([.. list.Items.SelectMany(item => Wrap(item, "- ", "  "))]);
                break;
            case ContactList contacts:
                chunks.Add([.. contacts.Items.SelectMany(contact => Wrap($"{contact.Label}: {contact.Value}", "- ", "  "))]);
                break;
            case Section section:
                chunks.Add(Underlined(section.Heading, section.Level == 2 ? '=' : '-', overline: false));
                foreach (var inner in section.Body)
                {
                    AppendText(chunks, inner);
                }
                break;
            default:
                throw new InvalidOperationException($"No text rendering for {block.GetType().Name}.");
        }
    }

    private static List<string> Underlined(string text, char rule, bool overline)
    {
        var lines = Wrap(text, "", "");
        var line = new string(rule, Math.Min(TextWidth, lines.Max(wrapped => wrapped.Length)));
        return overline ? [line, .. lines, line] : [.. lines, line];
    }

    // Greedy wrap at word boundaries; a word longer than the width gets a line of its own rather than being split.
    private static List<string> Wrap(string text, string firstPrefix, string restPrefix)
    {
        var lines = new List<string>();
        var line = new StringBuilder(firstPrefix);
        var lineHasWords = false;
        foreach (var word in Words(text))
        {
            if (lineHasWords && line.Length + 1 + word.Length > TextWidth)
            {
                lines.Add(line.ToString());
                line.Clear().Append(restPrefix);
                lineHasWords = false;
            }
            line.Append(lineHasWords ? " " : "").Append(word);
            lineHasWords = true;
        }
        lines.Add(line.ToString().TrimEnd());
        return lines;
    }

    private const string StandardCss = """
        @page { margin: 2cm; }
        body { margin: 0; background: #ffffff; color: #0b0c0c; }
        main { max-width: 42em; margin: 2em auto; padding: 0 1em; }
        body { font-family: Arial, Helvetica, sans-serif; font-size: 12pt; line-height: 1.4; text-align: left; }
        h1 { font-size: 16pt; margin: 1.5em 0 1em; }
        h2 { font-size: 14pt; margin: 1.5em 0 0.5em; }
        h3 { font-size: 12pt; margin: 1.25em 0 0.5em; }
        p, ul { margin: 0 0 0.75em; }
        .letterhead { font-size: 14pt; }
        .signatory { margin-top: 3em; }
        a { color: #1d70b8; }

        """;

    // RNIB clear print: at least 16pt (18pt here, as asked), 1.5 line spacing, left-aligned and never justified or hyphenated.
    private const string LargePrintCss = """
        body[data-format="large-print"] { font-size: 18pt; line-height: 1.5; text-align: left; hyphens: none; word-spacing: 0.1em; }
        body[data-format="large-print"] h1 { font-size: 24pt; }
        body[data-format="large-print"] h2 { font-size: 22pt; }
        body[data-format="large-print"] h3 { font-size: 20pt; }
        body[data-format="large-print"] .letterhead { font-size: 20pt; }

        """;
}

/// <summary>What a service serving a letter as HTML must send with it.</summary>
public static class LetterHtmlPolicy
{
    /// <summary>
    /// The Content-Security-Policy of an HTML letter: nothing but its own stylesheet, named by its hash, so that no
    /// inline style or script anyone managed to put into the letter's text could take effect.
    /// </summary>
    public static string ContentSecurityPolicy(LetterFormat format) => LetterLayout.ContentSecurityPolicy(format);
}
