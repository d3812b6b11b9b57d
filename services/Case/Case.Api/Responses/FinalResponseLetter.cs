using System.Globalization;
using System.Net;
using System.Text;
using static IcsComplaints.Case.Api.Responses.LetterLayout;

namespace IcsComplaints.Case.Api.Responses;

/// <summary>The person a letter is addressed to.</summary>
/// <param name="Name">The name as it should appear on the letter and in the greeting.</param>
/// <param name="AddressLines">The postal address, one line each, without the name.</param>
public sealed record LetterParty(string Name, IReadOnlyList<string> AddressLines);

/// <summary>What the investigation concluded about one of the points the complainant raised.</summary>
/// <param name="Issue">The point raised, used as the finding's heading.</param>
/// <param name="Conclusion">What the organisation found about the point.</param>
/// <param name="Reasons">Why it reached that view, with reference to the evidence and any standards applied.</param>
/// <param name="Upheld">Whether the point is upheld.</param>
public sealed record LetterFinding(string Issue, string Conclusion, string Reasons, bool Upheld);

/// <summary>A change the organisation commits to as a result of the complaint.</summary>
/// <param name="Action">What will change.</param>
/// <param name="By">The date by which it will have changed.</param>
public sealed record LetterChange(string Action, DateOnly By);

/// <summary>The part of a co-ordinated response (Reg 9) written by another organisation about its own services.</summary>
/// <param name="OrganisationName">The contributing organisation.</param>
/// <param name="Text">What it contributed.</param>
public sealed record LetterContribution(string OrganisationName, string Text);

/// <summary>The overall outcome of the complaint, as defined for KO41 reporting.</summary>
public enum LetterOutcome
{
    /// <summary>Evidence was found that supports the complaint.</summary>
    Upheld = 1,

    /// <summary>Some, but not all, of the points raised were upheld.</summary>
    PartlyUpheld = 2,

    /// <summary>No evidence was found that supports any part of the complaint.</summary>
    NotUpheld = 3,
}

/// <summary>The independent NHS complaints advocacy service that the local authority commissions for the complainant's area.</summary>
/// <param name="Name">The provider's name.</param>
/// <param name="Phone">Its telephone number, as it should be printed.</param>
/// <param name="Email">Its e-mail address.</param>
/// <param name="Website">Its website address, as it should be printed.</param>
public sealed record LetterAdvocacy(string Name, string Phone, string Email, string Website);

/// <summary>How the HTML letter is laid out.</summary>
public enum LetterFormat
{
    /// <summary>Ordinary print: 12pt sans-serif.</summary>
    Standard = 1,

    /// <summary>Large print following RNIB clear print guidance: at least 18pt, 1.5 line spacing, left-aligned.</summary>
    LargePrint = 2,
}

/// <summary>Everything a final response letter (Reg 14) says, mapped from the case.</summary>
/// <param name="OrganisationName">The organisation responding, shown as the letterhead.</param>
/// <param name="Reference">The complaint reference, quoted as "Our reference".</param>
/// <param name="ReceivedOn">When the complaint was received.</param>
/// <param name="LetterDate">The date of the letter.</param>
/// <param name="Addressee">Who the letter is sent to.</param>
/// <param name="ComplaintSummary">The complaint as the organisation understood it.</param>
/// <param name="OutcomesSought">What the complainant told the organisation they wanted to achieve.</param>
/// <param name="Investigation">How the complaint was looked into and what evidence was considered.</param>
/// <param name="Findings">One finding per point raised, in the order they should be read.</param>
/// <param name="Outcome">The overall outcome.</param>
/// <param name="Apology">The apology, when one is given.</param>
/// <param name="Changes">What will change as a result, each with a date; may be empty.</param>
/// <param name="Remedy">How the organisation will put things right for the complainant, when it will.</param>
/// <param name="Contributions">Contributions from other organisations to a co-ordinated response; may be empty.</param>
/// <param name="SignatoryName">Who signs: the responsible person or their delegate (Reg 14).</param>
/// <param name="SignatoryTitle">The signatory's job title.</param>
/// <param name="OnBehalfOf">Set when a named delegate signs for the responsible person: printed as "for and on behalf of ...".</param>
/// <param name="Advocacy">The independent NHS complaints advocacy service for the complainant's area, when known; otherwise the letter says how to find it.</param>
public sealed record FinalResponseLetterModel(
    string OrganisationName, string Reference, DateOnly ReceivedOn, DateOnly LetterDate, LetterParty Addressee,
    string ComplaintSummary, string OutcomesSought, string Investigation, IReadOnlyList<LetterFinding> Findings,
    LetterOutcome Outcome, string? Apology, IReadOnlyList<LetterChange> Changes, string? Remedy,
    IReadOnlyList<LetterContribution> Contributions, string SignatoryName, string SignatoryTitle, string? OnBehalfOf,
    LetterAdvocacy? Advocacy = null);

/// <summary>
/// Renders a final response letter with every section the Parliamentary and Health Service Ombudsman looks for,
/// always ending with the statement that it is the final response and how to go to the Ombudsman (Reg 14(2)(d)).
/// </summary>
public static class FinalResponseLetter
{
    private const string OmbudsmanTelephone = "0345 015 4033";

    private const string OmbudsmanWebsite = "www.ombudsman.org.uk";

    // Without it the Ombudsman may treat local resolution as unfinished and send the complainant back.
    private const string FinalResponseStatement = "This is our final response to your complaint.";

    /// <summary>Renders the letter as a complete, self-contained HTML5 document (embedded CSS, no scripts or external resources).</summary>
    /// <param name="letter">The letter's content.</param>
    /// <param name="format">Standard or large print.</param>
    /// <returns>The HTML document.</returns>
    public static string Html(FinalResponseLetterModel letter, LetterFormat format = LetterFormat.Standard)
    {
        LetterLayout.EnsureDefined(format);
        var blocks = Compose(letter);
        return LetterLayout.RenderHtml(Title(letter), blocks, format);
    }

    /// <summary>Renders the letter as plain text: headings underlined, paragraphs wrapped at 80 characters, lists with "- ".</summary>
    /// <param name="letter">The letter's content.</param>
    /// <returns>The text, lines separated by "\n".</returns>
    public static string Text(FinalResponseLetterModel letter) => LetterLayout.RenderText(Compose(letter));

    private static string Title(FinalResponseLetterModel letter) =>
        $"Final response to complaint {OneLine(letter.Reference)}";

    private static List<Block> Compose(FinalResponseLetterModel letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        var decision = Decision(letter);

        var blocks = new List<Block>
        {
            new Paragraph(letter.OrganisationName, "letterhead", Strong: true),
            new LineGroup("addressee", [letter.Addressee.Name, .. letter.Addressee.AddressLines]),
            new Paragraph(Date(letter.LetterDate), "date"),
            new Paragraph($"Our reference: {OneLine(letter.Reference)}", "reference"),
            new MainHeading("Final response to your complaint"),
            new Paragraph($"Dear {OneLine(letter.Addressee.Name)},"),
            new Section(2, "Your complaint",
            [
                new Paragraph($"Thank you for your complaint, which we received on {Date(letter.ReceivedOn)}. "
                    + "This letter explains how we looked into it, what we found and what will happen as a result."),
                new Paragraph("This is our understanding of your complaint:"),
                .. Paragraphs(letter.ComplaintSummary),
                new Section(3, "What you told us you wanted to achieve", Paragraphs(letter.OutcomesSought)),
            ]),
            new Section(2, "How we looked into your complaint", Paragraphs(letter.Investigation)),
            new Section(2, "What we found", [.. letter.Findings.Select(Finding)]),
            new Section(2, "Our decision", [new Paragraph(decision, Strong: true)]),
        };

        if (letter.Apology is not null)
        {
            blocks.Add(new Section(2, "Our apology", Paragraphs(letter.Apology)));
        }
        if (letter.Changes.Count > 0)
        {
            blocks.Add(new Section(2, "What we will change",
            [
                new Paragraph("As a result of your complaint we will make these changes:"),
                new BulletList([.. letter.Changes.Select(change => $"{OneLine(change.Action).TrimEnd('.')} by {Date(change.By)}.")]),
            ]));
        }
        if (letter.Remedy is not null)
        {
            blocks.Add(new Section(2, "Putting things right", Paragraphs(letter.Remedy)));
        }
        if (letter.Contributions.Count > 0)
        {
            blocks.Add(new Section(2, "Responses from the other organisations involved",
            [
                new Paragraph("Your complaint also involved other organisations. We worked with them so that you "
                    + "receive one co-ordinated response, and each has written the part below about its own services."),
                .. letter.Contributions.Select(contribution =>
                    new Section(3, $"From {OneLine(contribution.OrganisationName)}", Paragraphs(contribution.Text))),
            ]));
        }

        // Outside any section: it is the letter's own statement, and the Ombudsman expects it to stand out.
        blocks.Add(new Paragraph(FinalResponseStatement, "final-response", Strong: true));
        blocks.Add(new Section(2, "If you are not satisfied",
        [
            new Paragraph("If you are not satisfied with our response, you can ask the Parliamentary and Health Service "
                + "Ombudsman to look at your complaint. The Ombudsman makes final decisions on complaints that have not "
                + "been resolved by the NHS in England. Its service is free."),
            new Paragraph("You should normally contact the Ombudsman within 12 months of when you first became aware "
                + "of the problem. The Ombudsman can look at a complaint made later if there is a good reason why it "
                + "was not made sooner."),
            new ContactList(
            [
                new Contact("Telephone", OmbudsmanTelephone, "tel:+443450154033"),
                new Contact("Website", OmbudsmanWebsite, "https://www.ombudsman.org.uk"),
            ]),
            Advocacy(letter.Advocacy, "take your complaint to the Ombudsman"),
        ]));

        // Reg 14 requires the responsible person, or someone they delegate to, to sign the response.
        blocks.Add(new Paragraph("Yours sincerely", "sign-off"));
        blocks.Add(new LineGroup("signatory",
        [
            letter.SignatoryName,
            letter.SignatoryTitle,
            .. letter.OnBehalfOf is null ? Array.Empty<string>() : [$"for and on behalf of {OneLine(letter.OnBehalfOf)}"],
        ]));
        return blocks;
    }

    private static Section Finding(LetterFinding finding) => new(3, OneLine(finding.Issue),
    [
        .. Paragraphs(finding.Conclusion),
        new Paragraph("Why we reached this view:", Strong: true),
        .. Paragraphs(finding.Reasons),
        new Paragraph(finding.Upheld ? "We have upheld this point." : "We have not upheld this point.", "finding-outcome", Strong: true),
    ]);

    // The wording follows the KO41 outcome definitions so the letter and the national return say the same thing.
    private static string Decision(FinalResponseLetterModel letter) => letter.Outcome switch
    {
        LetterOutcome.Upheld => "We have upheld your complaint: we found evidence that supports it.",
        LetterOutcome.PartlyUpheld => string.Create(CultureInfo.InvariantCulture,
            $"We have partly upheld your complaint: we upheld {letter.Findings.Count(finding => finding.Upheld)} of the {letter.Findings.Count} points you raised."),
        LetterOutcome.NotUpheld => "We have not upheld your complaint: we found no evidence that supports any part of it.",
        _ => throw new ArgumentOutOfRangeException(nameof(letter), letter.Outcome, "Unknown outcome."),
    };
}

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
            .Append("<style>\n").Append(StandardCss);
        if (format == LetterFormat.LargePrint)
        {
            html.Append(LargePrintCss);
        }
        html.Append("</style>\n</head>\n")
            .Append("<body data-format=\"").Append(format == LetterFormat.LargePrint ? "large-print" : "standard").Append("\">\n")
            .Append("<main>\n");
        foreach (var block in blocks)
        {
            AppendHtml(html, block);
        }
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

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
