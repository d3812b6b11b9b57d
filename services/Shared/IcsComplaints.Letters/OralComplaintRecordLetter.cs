using static IcsComplaints.Letters.LetterLayout;

namespace IcsComplaints.Letters;

/// <summary>Everything the written record of an oral complaint (Reg 13(2)) says.</summary>
/// <param name="OrganisationName">The organisation the complaint was made to, shown as the letterhead.</param>
/// <param name="Reference">The complaint reference, quoted as "Our reference".</param>
/// <param name="ReceivedOn">When the complaint was made.</param>
/// <param name="LetterDate">The date of the letter.</param>
/// <param name="Addressee">Who the letter is sent to.</param>
/// <param name="HowMade">How it was made, completing "You made your complaint to us ...", such as "by telephone".</param>
/// <param name="Description">What the complainant told the organisation, as it was written down: personal data, printed and never kept.</param>
/// <param name="DesiredOutcome">What they would like to happen, when it was written down.</param>
/// <param name="TeamContact">How to reach the complaints team, such as its e-mail address, when there is one.</param>
public sealed record OralComplaintRecordLetterModel(
    string OrganisationName, string Reference, DateOnly ReceivedOn, DateOnly LetterDate, LetterParty Addressee, string HowMade,
    string Description, string? DesiredOutcome, string? TeamContact);

/// <summary>
/// Renders the written record of a complaint made orally. Reg 13(2): where a complaint is made orally, the body makes a
/// written record of it and gives the complainant a copy. The letter quotes what was written down, in the complainant's
/// words as recorded, and says how to correct it, so the complaint looked into is the one they made (Complaint
/// Standards: the organisation checks it has understood the complaint).
/// </summary>
public static class OralComplaintRecordLetter
{
    /// <summary>Renders the letter as a complete, self-contained HTML5 document.</summary>
    public static string Html(OralComplaintRecordLetterModel letter, LetterFormat format = LetterFormat.Standard) =>
        RenderHtml(Title(letter), Compose(letter), format);

    /// <summary>Renders the letter as an A4 PDF set in the shipped fonts.</summary>
    public static byte[] Pdf(OralComplaintRecordLetterModel letter, LetterFormat format = LetterFormat.Standard) =>
        LetterPdf.Render(Title(letter), Compose(letter), format);

    /// <summary>Renders the letter as plain text, lines separated by "\n".</summary>
    public static string Text(OralComplaintRecordLetterModel letter) => RenderText(Compose(letter));

    private static string Title(OralComplaintRecordLetterModel letter) => $"Written record of complaint {OneLine(letter?.Reference)}";

    private static List<Block> Compose(OralComplaintRecordLetterModel letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        var reference = OneLine(letter.Reference);
        List<Block> blocks =
        [
            .. Opening(letter.OrganisationName, letter.Addressee, letter.LetterDate, letter.Reference),
            new MainHeading("Our written record of your complaint"),
            new Paragraph($"Dear {OneLine(letter.Addressee.Name)},"),
            new Section(2, "Your complaint",
            [
                new Paragraph($"You made your complaint to us {OneLine(letter.HowMade)} on {Date(letter.ReceivedOn)}. When a "
                    + "complaint is made by speaking to us, we write it down and send you a copy, so that you can check we "
                    + "have understood it. This letter is that written record."),
                new Paragraph($"Our reference for your complaint is {reference}. Please quote it whenever you contact us "
                    + "about your complaint."),
            ]),
            new Section(2, "What you told us", Paragraphs(letter.Description)),
        ];
        if (!string.IsNullOrWhiteSpace(letter.DesiredOutcome))
        {
            blocks.Add(new Section(2, "What you would like to happen", Paragraphs(letter.DesiredOutcome)));
        }
        blocks.AddRange(
        [
            new Section(2, "If our record is wrong or incomplete",
            [
                new Paragraph("Please tell us if anything is missing, or is not what you meant. "
                    + Contact(letter.TeamContact, reference)
                    + " We will correct our record and look into your complaint as you have corrected it."),
            ]),
            new Section(2, "What happens next",
            [
                new Paragraph("We will write to you separately about how we will handle your complaint. You do not need to "
                    + "do anything now unless our record needs correcting."),
            ]),
            new Section(2, "Support",
            [
                Advocacy(null, "make your complaint and support you while we look into it"),
                new Paragraph("Making a complaint will not affect your care. We keep information about your complaint "
                    + "separate from your health records.", Strong: true),
            ]),
            .. SignOff("The complaints team", OneLine(letter.OrganisationName)),
        ]);
        return blocks;
    }

    private static string Contact(string? teamContact, string reference) => teamContact is null
        ? $"Reply to this letter, quoting your reference {reference}."
        : $"Contact our complaints team at {OneLine(teamContact)}, or reply to this letter, quoting your reference {reference}.";
}
