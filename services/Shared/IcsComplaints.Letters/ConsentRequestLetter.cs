using static IcsComplaints.Letters.LetterLayout;

namespace IcsComplaints.Letters;

/// <summary>Everything the request for consent to share a complaint with the provider it is about (Reg 7(3)) says.</summary>
/// <param name="OrganisationName">The ICB the complaint was made to, shown as the letterhead.</param>
/// <param name="Reference">The complaint reference, quoted as "Our reference".</param>
/// <param name="ReceivedOn">When the ICB received the complaint.</param>
/// <param name="LetterDate">The date of the letter.</param>
/// <param name="Addressee">Who the letter is sent to.</param>
/// <param name="ProviderNames">The providers the complaint is about, which the ICB commissions; at least one.</param>
/// <param name="TeamContact">How to reach the ICB's complaints team, such as its e-mail address, when there is one.</param>
public sealed record ConsentRequestLetterModel(
    string OrganisationName, string Reference, DateOnly ReceivedOn, DateOnly LetterDate, LetterParty Addressee,
    IReadOnlyList<string> ProviderNames, string? TeamContact);

/// <summary>
/// Renders the ICB's request for consent to share a complaint with the provider it is about. Reg 7(3): where a
/// complaint about a provider is made to the commissioner, it asks whether the complainant consents to the details
/// going to the provider. The letter says what happens either way: with consent, the ICB shares it and decides whether
/// it looks into it itself or the provider does, which is then treated as having received it on the original day
/// (Reg 7(4)–(5)); without, the ICB looks into it itself and the provider is not told who complained.
/// </summary>
public static class ConsentRequestLetter
{
    /// <summary>Renders the letter as a complete, self-contained HTML5 document.</summary>
    public static string Html(ConsentRequestLetterModel letter, LetterFormat format = LetterFormat.Standard) =>
        RenderHtml(Title(letter), Compose(letter), format);

    /// <summary>Renders the letter as an A4 PDF set in the shipped fonts.</summary>
    public static byte[] Pdf(ConsentRequestLetterModel letter, LetterFormat format = LetterFormat.Standard) =>
        LetterPdf.Render(Title(letter), Compose(letter), format);

    /// <summary>Renders the letter as plain text, lines separated by "\n".</summary>
    public static string Text(ConsentRequestLetterModel letter) => RenderText(Compose(letter));

    /// <summary>The providers as one phrase: "A", "A and B", "A, B and C".</summary>
    public static string Providers(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var cleaned = names.Select(OneLine).Where(n => n.Length > 0).ToList();
        return cleaned.Count switch
        {
            0 => "the provider your complaint is about",
            1 => cleaned[0],
            _ => string.Join(", ", cleaned.Take(cleaned.Count - 1)) + " and " + cleaned[^1],
        };
    }

    private static string Title(ConsentRequestLetterModel letter) => $"Consent to share complaint {OneLine(letter?.Reference)}";

    private static List<Block> Compose(ConsentRequestLetterModel letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        var reference = OneLine(letter.Reference);
        var icb = OneLine(letter.OrganisationName);
        var providers = Providers(letter.ProviderNames);
        var contact = letter.TeamContact is null
            ? $"reply to this letter, quoting your reference {reference}"
            : $"contact our complaints team at {OneLine(letter.TeamContact)}, or reply to this letter, quoting your reference {reference}";
        return
        [
            .. Opening(letter.OrganisationName, letter.Addressee, letter.LetterDate, letter.Reference),
            new MainHeading("May we share your complaint?"),
            new Paragraph($"Dear {OneLine(letter.Addressee.Name)},"),
            new Section(2, "Your complaint",
            [
                new Paragraph($"Thank you for your complaint, which we received on {Date(letter.ReceivedOn)}. It is about "
                    + $"care from {providers}. We, {icb}, plan and pay for their services."),
                new Paragraph($"Our reference for your complaint is {reference}. Please quote it whenever you contact us "
                    + "about your complaint."),
            ]),
            new Section(2, "We need your agreement",
            [
                new Paragraph($"Before we go further, we need to know whether you agree to us sharing your complaint with "
                    + $"{providers}, including your name and what you told us. We will not share it unless you agree."),
            ]),
            new Section(2, "If you agree",
            [
                new Paragraph($"We will share your complaint with {providers}. We will then decide whether we look into it "
                    + $"ourselves, asking {providers} for information, or whether {providers} should look into it and reply "
                    + "to you directly. We will tell you which."),
                new Paragraph($"If your complaint is passed on, it counts as received on {Date(letter.ReceivedOn)}, the day we "
                    + "received it, so you do not lose any time."),
            ]),
            new Section(2, "If you do not agree",
            [
                new Paragraph($"We will look into your complaint ourselves, and we will not tell {providers} who complained. "
                    + "This may limit what we can find out, because we cannot ask about your care without saying whose care "
                    + "it was. We will explain this when we reply to you."),
            ]),
            new Section(2, "How to tell us",
            [
                new Paragraph($"Please {contact}, and tell us whether you agree. If you are not sure, we are happy to talk "
                    + "it through with you. Until we hear from you, we will not share your complaint."),
            ]),
            new Section(2, "Support",
            [
                Advocacy(null, "make your complaint and decide what to do"),
                new Paragraph("Making a complaint will not affect your care. We keep information about your complaint "
                    + "separate from your health records.", Strong: true),
            ]),
            .. SignOff("The complaints team", icb),
        ];
    }
}
