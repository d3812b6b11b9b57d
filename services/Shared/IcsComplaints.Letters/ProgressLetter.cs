using static IcsComplaints.Letters.LetterLayout;

namespace IcsComplaints.Letters;

/// <summary>Which letter about a complaint's progress is written.</summary>
public enum ProgressNotice
{
    /// <summary>The response date was changed (Reg 13(7)-(8)): say the new date and why the complainant is told.</summary>
    ResponseDateChanged = 1,

    /// <summary>The response clock stopped: say why and what happens next.</summary>
    ClockPaused = 2,

    /// <summary>After closure: the invitation to say how the complaint was handled (Complaint Standards, My Expectations).</summary>
    SurveyInvitation = 3,

    /// <summary>An update at the agreed frequency (Reg 14; My Expectations, "updates before the outcome"): where the case stands and when they will hear next.</summary>
    ScheduledUpdate = 4,

    /// <summary>
    /// A complaint resolved early (MCHP): what was discussed and agreed, the offer of a closer look if they are not
    /// satisfied, and the way to the Ombudsman (Reg 14(2)(d)); it is the response.
    /// </summary>
    EarlyResolutionConfirmed = 5,
}

/// <summary>What a letter about a complaint's progress says.</summary>
/// <param name="Notice">Which letter.</param>
/// <param name="OrganisationName">The organisation handling the complaint, shown as the letterhead.</param>
/// <param name="Reference">The complaint reference.</param>
/// <param name="LetterDate">The date of the letter.</param>
/// <param name="Addressee">Who the letter is sent to.</param>
/// <param name="TeamContact">How to reach the complaints team, when known.</param>
/// <param name="ResponseDueBy">For <see cref="ProgressNotice.ResponseDateChanged"/>: the new date.</param>
/// <param name="AgreedWithComplainant">For <see cref="ProgressNotice.ResponseDateChanged"/>: agreed with them, not set because they declined to discuss it.</param>
/// <param name="PauseReason">For <see cref="ProgressNotice.ClockPaused"/>: AwaitingConsent, AwaitingComplainant or ParallelProcess.</param>
/// <param name="SurveyAddress">For <see cref="ProgressNotice.SurveyInvitation"/>: the survey's address, holding its one-off code.</param>
/// <param name="SurveyOpenUntil">For <see cref="ProgressNotice.SurveyInvitation"/>: the last day it can be answered.</param>
/// <param name="Stage">For <see cref="ProgressNotice.ScheduledUpdate"/>: the case's stage, by its name in the case service.</param>
/// <param name="Paused">For <see cref="ProgressNotice.ScheduledUpdate"/>: whether work is paused, as they were told.</param>
/// <param name="NextUpdateBy">For <see cref="ProgressNotice.ScheduledUpdate"/>: when they will hear next.</param>
/// <param name="Resolution">For <see cref="ProgressNotice.EarlyResolutionConfirmed"/>: what was discussed and agreed.</param>
public sealed record ProgressLetterModel(
    ProgressNotice Notice, string OrganisationName, string Reference, DateOnly LetterDate, LetterParty Addressee, string? TeamContact,
    DateOnly? ResponseDueBy = null, bool AgreedWithComplainant = true, string? PauseReason = null,
    Uri? SurveyAddress = null, DateOnly? SurveyOpenUntil = null, string? Stage = null, bool Paused = false, DateOnly? NextUpdateBy = null,
    LetterEarlyResolution? Resolution = null);

/// <summary>What was discussed and agreed when a complaint was resolved early.</summary>
/// <param name="DiscussedOn">The day of the conversation.</param>
/// <param name="How">How it was held: Phone, Meeting, Email, Letter or Text.</param>
/// <param name="Discussed">What was discussed.</param>
/// <param name="Agreed">What was agreed.</param>
/// <param name="Outcome">Upheld, partly upheld or not upheld.</param>
public sealed record LetterEarlyResolution(DateOnly DiscussedOn, string How, string Discussed, string Agreed, LetterOutcome Outcome);

/// <summary>
/// Renders the short letters that keep a complainant informed between the acknowledgement and the final response,
/// and the survey invitation after it (Complaint Standards: keep people informed; Reg 13(7)-(8) on a changed date).
/// They look like the other letters because they are built from the same blocks, and are signed by the complaints
/// team, whom the complainant contacts with any question.
/// </summary>
public static class ProgressLetter
{
    /// <summary>The letter's subject, also its e-mail's.</summary>
    public static string Subject(ProgressLetterModel letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        return letter.Notice switch
        {
            ProgressNotice.ResponseDateChanged => $"Your complaint {OneLine(letter.Reference)}: a new date for our response",
            ProgressNotice.ClockPaused => $"Your complaint {OneLine(letter.Reference)}: we have paused our work on it",
            ProgressNotice.SurveyInvitation => $"Your complaint {OneLine(letter.Reference)}: tell us how we handled it",
            ProgressNotice.ScheduledUpdate => $"Your complaint {OneLine(letter.Reference)}: an update on our progress",
            ProgressNotice.EarlyResolutionConfirmed => $"Your complaint {OneLine(letter.Reference)}: what we agreed",
            _ => throw new ArgumentOutOfRangeException(nameof(letter), letter.Notice, "No such letter."),
        };
    }

    /// <summary>Renders the letter as a complete, self-contained HTML5 document.</summary>
    public static string Html(ProgressLetterModel letter, LetterFormat format = LetterFormat.Standard)
    {
        EnsureDefined(format);
        return RenderHtml(Subject(letter), Compose(letter), format);
    }

    /// <summary>Renders the letter as an A4 PDF set in the shipped fonts, to send or print.</summary>
    public static byte[] Pdf(ProgressLetterModel letter, LetterFormat format = LetterFormat.Standard) =>
        LetterPdf.Render(Subject(letter), Compose(letter), format);

    /// <summary>Renders the letter as plain text.</summary>
    public static string Text(ProgressLetterModel letter) => RenderText(Compose(letter));

    private static List<Block> Compose(ProgressLetterModel letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        List<Block> blocks =
        [
            .. Opening(letter.OrganisationName, letter.Addressee, letter.LetterDate, letter.Reference),
        ];
        blocks.AddRange(letter.Notice switch
        {
            ProgressNotice.ResponseDateChanged => ResponseDateChanged(letter),
            ProgressNotice.ClockPaused => ClockPaused(letter),
            ProgressNotice.SurveyInvitation => SurveyInvitation(letter),
            ProgressNotice.ScheduledUpdate => ScheduledUpdate(letter),
            ProgressNotice.EarlyResolutionConfirmed => EarlyResolutionConfirmed(letter),
            _ => throw new ArgumentOutOfRangeException(nameof(letter), letter.Notice, "No such letter."),
        });
        blocks.Add(new Paragraph(letter.TeamContact is null
            ? "If you have any questions, please reply to this letter."
            : $"If you have any questions, please contact us: {OneLine(letter.TeamContact)}."));
        blocks.AddRange(SignOff("The complaints team", OneLine(letter.OrganisationName)));
        return blocks;
    }

    private static IEnumerable<Block> ResponseDateChanged(ProgressLetterModel letter)
    {
        var due = letter.ResponseDueBy ?? throw new ArgumentException("A changed response date needs the new date.", nameof(letter));
        return
        [
            new MainHeading("A new date for our response"),
            new Paragraph($"Dear {OneLine(letter.Addressee.Name)},"),
            new Paragraph(letter.AgreedWithComplainant
                ? $"As we agreed with you, we now expect to send you our response to your complaint by {Date(due)}."
                : $"We now expect to send you our response to your complaint by {Date(due)}."),
            new Paragraph("We are sorry it is taking longer than we first said. If you would like to talk about the new "
                + "date or the reasons for it, please contact us."),
            new Paragraph("We will keep you updated on our progress until we send you our response."),
        ];
    }

    private static IEnumerable<Block> ClockPaused(ProgressLetterModel letter) =>
    [
        new MainHeading("We have paused our work on your complaint"),
        new Paragraph($"Dear {OneLine(letter.Addressee.Name)},"),
        new Paragraph(letter.PauseReason switch
        {
            "AwaitingConsent" => "We need consent before we can go on looking into your complaint, for example to "
                + "share it with another organisation or to read someone's health records. We have paused our work "
                + "until we have it, and we will tell you what we need.",
            "AwaitingComplainant" => "We are waiting to hear from you before we can go on looking into your complaint. "
                + "We have paused our work until then, and the time we wait does not count against the date for our response.",
            "ParallelProcess" => "Another process is looking at the same events, such as a police investigation, a "
                + "coroner's inquest or a safeguarding enquiry. We have paused our work on your complaint so that we do "
                + "not get in its way, and we will start again as soon as we can.",
            _ => "We have paused our work on your complaint for now.",
        }),
        new Paragraph("We will write to you again when we start again, with the date you can expect our response."),
    ];

    private static List<Block> ScheduledUpdate(ProgressLetterModel letter)
    {
        var next = letter.NextUpdateBy ?? throw new ArgumentException("An update needs the day of the next one.", nameof(letter));
        List<Block> blocks =
        [
            new MainHeading("An update on your complaint"),
            new Paragraph($"Dear {OneLine(letter.Addressee.Name)},"),
            new Paragraph("We agreed to keep you updated on your complaint regularly until we send you our response. This is our latest update."),
            new Paragraph(letter.Stage switch
            {
                "Received" or "Acknowledged" => "We have your complaint and are deciding, with you, how best to look into it.",
                "EarlyResolution" => "We are trying to put things right quickly, by talking with you and with the people involved.",
                "ResponseDrafted" => "We have finished looking into your complaint and have written our response. It is being checked before it is signed and sent to you.",
                _ => "We are looking into your complaint in detail: reading the records and talking to the people involved.",
            }),
        ];
        if (letter.Paused)
        {
            blocks.Add(new Paragraph("Our work is paused for the reason we wrote to you about. The time it is paused does not count against the date for our response."));
        }
        blocks.Add(new Paragraph(letter.ResponseDueBy is { } due
            ? $"We still expect to send you our response by {Date(due)}. If that changes, we will tell you why and agree a new date with you."
            : "We will agree with you the date by which you can expect our response."));
        blocks.Add(new Paragraph($"We will write to you again by {Date(next)}, unless we send you our response before then."));
        return blocks;
    }

    private static List<Block> EarlyResolutionConfirmed(ProgressLetterModel letter)
    {
        var resolution = letter.Resolution ?? throw new ArgumentException("A confirmed early resolution needs what was discussed and agreed.", nameof(letter));
        var talked = resolution.How switch
        {
            "Phone" => "when we spoke on the telephone",
            "Meeting" => "when we met",
            "Email" => "in our e-mails",
            "Letter" => "in our letters",
            "Text" => "in our text messages",
            _ => "when we were in touch",
        };
        return
        [
            new MainHeading("What we agreed about your complaint"),
            new Paragraph($"Dear {OneLine(letter.Addressee.Name)},"),
            new Paragraph($"Thank you for talking with us about your complaint {talked} on {Date(resolution.DiscussedOn)}. "
                + "This letter confirms what we discussed and what we agreed."),
            new Section(2, "What we discussed", Paragraphs(resolution.Discussed)),
            new Section(2, "What we agreed", Paragraphs(resolution.Agreed)),
            new Paragraph(resolution.Outcome switch
            {
                LetterOutcome.Upheld => "We agreed that your complaint is upheld: things went wrong as you told us.",
                LetterOutcome.PartlyUpheld => "We agreed that your complaint is partly upheld: some of what you told us went wrong.",
                _ => "We explained why we do not think things went wrong as you described, so your complaint is not upheld.",
            }),
            new Section(2, "If you are not satisfied",
            [
                new Paragraph("If this is not what you understood we agreed, or you are not satisfied with it, please tell us. "
                    + "We will then take a closer look at your complaint, and write to you with our findings."),
                .. Ombudsman("If you are still not satisfied after that, you can ask the Parliamentary and Health Service Ombudsman to look at your complaint."),
            ]),
        ];
    }

    private static IEnumerable<Block> SurveyInvitation(ProgressLetterModel letter)
    {
        var address = letter.SurveyAddress ?? throw new ArgumentException("A survey invitation needs the survey's address.", nameof(letter));
        var until = letter.SurveyOpenUntil ?? throw new ArgumentException("A survey invitation needs its closing day.", nameof(letter));
        return
        [
            new MainHeading("Tell us how we handled your complaint"),
            new Paragraph($"Dear {OneLine(letter.Addressee.Name)},"),
            new Paragraph("We have finished looking into your complaint. We would like to know how you found the way we "
                + "handled it, so that we can do better for the next person who complains."),
            new Paragraph($"There are a few short questions, and a box for anything else you want to tell us. You can answer until {Date(until)}:"),
            new Paragraph(address.ToString(), "link", Strong: true),
            new Paragraph("Your answers do not change the outcome of your complaint, and we report them only as totals. "
                + "If you would rather not answer, you do not need to do anything."),
        ];
    }
}
