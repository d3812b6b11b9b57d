using System.Globalization;
using static IcsComplaints.Letters.LetterLayout;

namespace IcsComplaints.Letters;

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

    /// <summary>Renders the letter as an A4 PDF set in the shipped fonts, to send or print.</summary>
    /// <param name="letter">The letter's content.</param>
    /// <param name="format">Standard or large print.</param>
    /// <returns>The PDF's bytes.</returns>
    public static byte[] Pdf(FinalResponseLetterModel letter, LetterFormat format = LetterFormat.Standard) =>
        LetterPdf.Render(Title(letter), Compose(letter), format);

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

        var blocks = new List<Block>(Opening(letter.OrganisationName, letter.Addressee, letter.LetterDate, letter.Reference))
        {
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
            .. Ombudsman("If you are not satisfied with our response, you can ask the Parliamentary and Health Service Ombudsman to look at your complaint."),
            Advocacy(letter.Advocacy, "take your complaint to the Ombudsman"),
        ]));

        // Reg 14 requires the responsible person, or someone they delegate to, to sign the response.
        blocks.AddRange(SignOff(
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
