using static IcsComplaints.Letters.LetterLayout;

namespace IcsComplaints.Letters;

/// <summary>Everything the notice that a complaint was transferred (Reg 6(6), 7(5)) says.</summary>
/// <param name="OrganisationName">The organisation that transferred the complaint and writes, shown as the letterhead.</param>
/// <param name="Reference">The complaint reference, which stays the same at the new organisation.</param>
/// <param name="ReceivedOn">When the complaint was first received: the day the new organisation is treated as having received it.</param>
/// <param name="LetterDate">The date of the letter.</param>
/// <param name="Addressee">Who the letter is sent to.</param>
/// <param name="NewOrganisationName">The organisation handling the complaint now.</param>
/// <param name="TransferredOn">The day it was sent there.</param>
/// <param name="NewTeamContact">How to reach the new organisation's complaints team, such as its e-mail address, when known.</param>
/// <param name="TeamContact">How to reach the writer's own complaints team, when there is one.</param>
public sealed record TransferNoticeLetterModel(
    string OrganisationName, string Reference, DateOnly ReceivedOn, DateOnly LetterDate, LetterParty Addressee,
    string NewOrganisationName, DateOnly TransferredOn, string? NewTeamContact, string? TeamContact);

/// <summary>
/// Renders the notice that a complaint has gone to the organisation that should handle it. Reg 6(6) and 7(5): a
/// complaint sent on to the body that should handle it is treated as made to that body, on the day it was first
/// received, and the complainant is told. The letter names the organisation handling it now, says the original day
/// stands and the reference stays, and how to reach that organisation.
/// </summary>
public static class TransferNoticeLetter
{
    /// <summary>Renders the letter as a complete, self-contained HTML5 document.</summary>
    public static string Html(TransferNoticeLetterModel letter, LetterFormat format = LetterFormat.Standard) =>
        RenderHtml(Title(letter), Compose(letter), format);

    /// <summary>Renders the letter as an A4 PDF set in the shipped fonts.</summary>
    public static byte[] Pdf(TransferNoticeLetterModel letter, LetterFormat format = LetterFormat.Standard) =>
        LetterPdf.Render(Title(letter), Compose(letter), format);

    /// <summary>Renders the letter as plain text, lines separated by "\n".</summary>
    public static string Text(TransferNoticeLetterModel letter) => RenderText(Compose(letter));

    private static string Title(TransferNoticeLetterModel letter) => $"Complaint {OneLine(letter?.Reference)} passed on";

    private static List<Block> Compose(TransferNoticeLetterModel letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        var reference = OneLine(letter.Reference);
        var organisation = OneLine(letter.OrganisationName);
        var handler = OneLine(letter.NewOrganisationName);
        return
        [
            .. Opening(letter.OrganisationName, letter.Addressee, letter.LetterDate, letter.Reference),
            new MainHeading($"Your complaint has been passed to {handler}"),
            new Paragraph($"Dear {OneLine(letter.Addressee.Name)},"),
            new Section(2, "Who is handling your complaint now",
            [
                new Paragraph($"On {Date(letter.TransferredOn)} we sent your complaint, with your agreement, to {handler}, "
                    + "who are better placed to look into it. From now on they will handle your complaint and send you "
                    + "their response."),
            ]),
            new Section(2, "Your complaint keeps its date",
            [
                new Paragraph($"{handler} treat your complaint as received on {Date(letter.ReceivedOn)}, the day we first "
                    + "received it, so you do not lose any time because it was passed on."),
            ]),
            new Section(2, $"How to contact {handler}",
            [
                new Paragraph(letter.NewTeamContact is null
                    ? $"Please contact the complaints team at {handler}, quoting your reference {reference}, which stays the same."
                    : $"Their complaints team: {OneLine(letter.NewTeamContact)}. Please quote your reference {reference}, "
                        + "which stays the same."),
                new Paragraph("They will write to you to acknowledge your complaint and to agree with you how it will be handled."),
            ]),
            new Section(2, "Support",
            [
                Advocacy(null, "with your complaint and support you while it is looked into"),
                new Paragraph(letter.TeamContact is null
                    ? "If you have questions about why we passed your complaint on, please reply to this letter."
                    : $"If you have questions about why we passed your complaint on, contact our complaints team at {OneLine(letter.TeamContact)}."),
                new Paragraph("Making a complaint will not affect your care.", Strong: true),
            ]),
            .. SignOff("The complaints team", organisation),
        ];
    }
}
