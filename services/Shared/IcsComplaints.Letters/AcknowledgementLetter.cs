using System.Globalization;
using static IcsComplaints.Letters.LetterLayout;

namespace IcsComplaints.Letters;

/// <summary>Everything an acknowledgement letter (Reg 13) says, mapped from the case.</summary>
/// <param name="OrganisationName">The organisation handling the complaint, shown as the letterhead.</param>
/// <param name="Reference">The complaint reference, quoted as "Our reference".</param>
/// <param name="ReceivedOn">When the complaint was received.</param>
/// <param name="LetterDate">The date of the letter: no later than the third working day after <paramref name="ReceivedOn"/> (Reg 13(2)).</param>
/// <param name="Addressee">Who the letter is sent to.</param>
/// <param name="HandlerName">The person handling the complaint, who signs the letter and whom the complainant contacts.</param>
/// <param name="HandlerContact">How to reach the handler, such as a telephone number or e-mail address, when given.</param>
/// <param name="ResponseDueBy">When the response is expected, once a date has been agreed.</param>
/// <param name="UpdateEveryWorkingDays">How often, in working days, the complainant will be updated, once agreed; at least 1.</param>
/// <param name="Advocacy">The independent NHS complaints advocacy service for the complainant's area, when known; otherwise the letter says how to find it.</param>
public sealed record AcknowledgementLetterModel(
    string OrganisationName, string Reference, DateOnly ReceivedOn, DateOnly LetterDate, LetterParty Addressee,
    string HandlerName, string? HandlerContact, DateOnly? ResponseDueBy, int? UpdateEveryWorkingDays, LetterAdvocacy? Advocacy);

/// <summary>
/// Renders the letter acknowledging a complaint (Reg 13). It makes the offer Reg 13(3) requires, to discuss how the
/// complaint will be handled and when the response is likely to be sent, and tells the complainant what the NHS
/// Complaint Standards expect: how they will be kept informed, where to find independent advocacy and support, and
/// that complaining will not affect their care. It looks like the final response letter because it is built from the
/// same blocks.
/// </summary>
public static class AcknowledgementLetter
{
    /// <summary>Renders the letter as a complete, self-contained HTML5 document (embedded CSS, no scripts or external resources).</summary>
    /// <param name="letter">The letter's content.</param>
    /// <param name="format">Standard or large print.</param>
    /// <returns>The HTML document.</returns>
    public static string Html(AcknowledgementLetterModel letter, LetterFormat format = LetterFormat.Standard)
    {
        EnsureDefined(format);
        var blocks = Compose(letter);
        return RenderHtml($"Acknowledgement of complaint {OneLine(letter.Reference)}", blocks, format);
    }

    /// <summary>Renders the letter as an A4 PDF set in the shipped fonts, to send or print.</summary>
    /// <param name="letter">The letter's content.</param>
    /// <param name="format">Standard or large print.</param>
    /// <returns>The PDF's bytes.</returns>
    public static byte[] Pdf(AcknowledgementLetterModel letter, LetterFormat format = LetterFormat.Standard) =>
        LetterPdf.Render($"Acknowledgement of complaint {OneLine(letter?.Reference)}", Compose(letter!), format);

    /// <summary>Renders the letter as plain text: headings underlined, paragraphs wrapped at 80 characters.</summary>
    /// <param name="letter">The letter's content.</param>
    /// <returns>The text, lines separated by "\n".</returns>
    public static string Text(AcknowledgementLetterModel letter) => RenderText(Compose(letter));

    private static List<Block> Compose(AcknowledgementLetterModel letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        var handler = OneLine(letter.HandlerName);
        var organisation = OneLine(letter.OrganisationName);

        return
        [
            .. Opening(letter.OrganisationName, letter.Addressee, letter.LetterDate, letter.Reference),
            new MainHeading("Acknowledgement of your complaint"),
            new Paragraph($"Dear {OneLine(letter.Addressee.Name)},"),
            new Section(2, "We have received your complaint",
            [
                new Paragraph($"Thank you for your complaint, which we received on {Date(letter.ReceivedOn)}. "
                    + "We will look into it carefully."),
                new Paragraph($"Our reference for your complaint is {OneLine(letter.Reference)}. Please quote it whenever "
                    + "you contact us about your complaint."),
            ]),
            // Reg 13(3): the offer to discuss must be made at the time the complaint is acknowledged.
            new Section(2, "How we will handle it",
            [
                new Paragraph("We would like to talk with you, at a time that suits you, about how we will handle your "
                    + "complaint, how long our investigation is likely to take and when you can expect our response."),
                new Paragraph(letter.HandlerContact is null
                    ? $"{handler} is handling your complaint. To arrange a time to talk, or if you have any questions, "
                        + "please contact them by replying to this letter."
                    : $"{handler} is handling your complaint. To arrange a time to talk, or if you have any questions, "
                        + $"please contact them: {OneLine(letter.HandlerContact)}."),
            ]),
            new Section(2, "When you can expect our response", [ResponseDue(letter.ResponseDueBy)]),
            new Section(2, "Keeping you informed", [Updates(letter)]),
            new Section(2, "Support",
            [
                Advocacy(letter.Advocacy, "make your complaint and support you while we look into it"),
                new Paragraph("Our Patient Advice and Liaison Service (PALS) can also give you confidential advice and "
                    + "support, and help you with any concerns about your care while we look into your complaint."),
                // The Complaint Standards ask for this reassurance because fear of worse care stops people complaining.
                new Paragraph("Making a complaint will not affect your care. We keep information about your complaint "
                    + "separate from your health records.", Strong: true),
            ]),
            .. SignOff(letter.HandlerName, $"Complaints team, {organisation}"),
        ];
    }

    private static Paragraph ResponseDue(DateOnly? dueBy) => dueBy is { } date
        ? new Paragraph($"We expect to send you our response by {Date(date)}. If we find we need longer, we will "
            + "tell you why and agree a new date with you.")
        : new Paragraph("When we talk, we will agree with you when you can expect our response. If we later find we "
            + "need longer, we will tell you why and agree a new date with you.");

    private static Paragraph Updates(AcknowledgementLetterModel letter) => letter.UpdateEveryWorkingDays switch
    {
        null => new Paragraph("We will keep you updated on our progress until we send you our response, and we will "
            + "tell you straight away if anything changes."),
        1 => new Paragraph("We will update you on our progress every working day until we send you our response."),
        > 1 and var days => new Paragraph(string.Create(CultureInfo.InvariantCulture,
            $"We will update you on our progress every {days} working days until we send you our response.")),
        // A promise of updates "every 0 working days" would be meaningless, so it is refused rather than printed.
        _ => throw new ArgumentOutOfRangeException(nameof(letter), letter.UpdateEveryWorkingDays, "Updates must be at least one working day apart."),
    };
}
