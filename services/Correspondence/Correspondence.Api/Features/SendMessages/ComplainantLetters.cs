using System.Globalization;
using IcsComplaints.Correspondence.Api.Data;
using IcsComplaints.Correspondence.Api.Features.QueueMessages;
using IcsComplaints.Correspondence.Api.Features.ReadContacts;
using IcsComplaints.Correspondence.Domain.Cases;
using IcsComplaints.Correspondence.Domain.Messages;
using IcsComplaints.Letters;
using Microsoft.Extensions.Options;

namespace IcsComplaints.Correspondence.Api.Features.SendMessages;

/// <summary>
/// Letters to the complainant about their case: routed and handed over by <see cref="ComplainantRouting"/>, like every
/// letter to a complainant, with what only the case knows (the final response, a survey link) read from case, and the
/// letter rendered from the shared templates. Nothing read about the person is stored or logged.
/// </summary>
public sealed class ComplainantLetters(
    MessageStore store, ComplainantRouting routing, CaseLetterContent cases, OrganisationNames organisations, IOptions<CorrespondenceOptions> options)
{
    /// <summary>Writes the complainant's letter the message's template names.</summary>
    public Task<WrittenMessage> WriteAsync(SentMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Template switch
        {
            MessageTemplates.Acknowledgement => WriteAsync(message, to => Task.FromResult<Letter?>(Acknowledgement(message, to)), "", ct),
            MessageTemplates.FinalResponse => WriteAsync(message, to => FinalResponseAsync(to, ct),
                "The case holds no final response as sent.", ct),
            MessageTemplates.EarlyResolutionConfirmation => WriteAsync(message, to => EarlyResolutionAsync(to, ct),
                "The case holds no early resolution.", ct),
            MessageTemplates.ResponseDateChanged => WriteAsync(message, to => Task.FromResult<Letter?>(Progress(to, new ProgressLetterModel(
                ProgressNotice.ResponseDateChanged, to.OrganisationName, to.Case.Reference, Day(message.Fact(MessageFacts.AgreedOn)), to.Addressee, to.Team,
                ResponseDueBy: Day(message.Fact(MessageFacts.ResponseDueBy)), AgreedWithComplainant: message.Fact(MessageFacts.WithComplainant) == "true"))), "", ct),
            MessageTemplates.ClockPaused => WriteAsync(message, to => Task.FromResult<Letter?>(Progress(to, new ProgressLetterModel(
                ProgressNotice.ClockPaused, to.OrganisationName, to.Case.Reference, Day(message.Fact(MessageFacts.PausedFrom)), to.Addressee, to.Team,
                PauseReason: message.Fact(MessageFacts.PauseReason)))), "", ct),
            MessageTemplates.ScheduledUpdate => WriteAsync(message, to => Task.FromResult<Letter?>(Progress(to, new ProgressLetterModel(
                ProgressNotice.ScheduledUpdate, to.OrganisationName, to.Case.Reference, Day(message.Fact(MessageFacts.WrittenOn)), to.Addressee, to.Team,
                ResponseDueBy: message.OptionalFact(MessageFacts.ResponseDueBy) is { } due ? Day(due) : null,
                Stage: message.Fact(MessageFacts.Stage), Paused: message.Fact(MessageFacts.Paused) == "true",
                NextUpdateBy: Day(message.Fact(MessageFacts.NextUpdateBy))))), "", ct),
            MessageTemplates.SurveyInvitation => WriteAsync(message, to => SurveyInvitationAsync(message, to, ct),
                "The complainant's survey is not open: it was answered, or the case ended without a response.", ct),
            _ => throw new InvalidOperationException($"No letter to the complainant is called '{message.Template}'."),
        };
    }

    private async Task<WrittenMessage> WriteAsync(SentMessage message, Func<Recipient, Task<Letter?>> write, string unavailable, CancellationToken ct)
    {
        // The case's reference comes with CaseOpened; if that has not arrived yet, the attempt fails and is retried.
        var known = await store.FindCaseAsync(message.CaseId, ct)
            ?? throw new InvalidOperationException("The case has not been announced yet.");
        var routed = await routing.RouteAsync(message, ct);
        if (routed.NotSent is { } notSent)
        {
            return notSent;
        }
        var to = new Recipient(
            known, await organisations.NameOfAsync(message.OrganisationCode, ct), routed.Addressee, options.Value.TeamMailboxOf(message.OrganisationCode), routed.Format);
        return await write(to) is { } letter
            ? routing.Deliver(message, routed, known.Reference, letter.Subject, $"{message.Template}-{known.Reference}.pdf", letter.Text, letter.Html, letter.Pdf)
            : WrittenMessage.NotSent(unavailable, routed.LargePrint);
    }

    // The acknowledgement (Reg 13): the offer to discuss the handling, the response date if agreed, the updates promised.
    private static Letter Acknowledgement(SentMessage message, Recipient to)
    {
        var letter = new AcknowledgementLetterModel(
            to.OrganisationName, to.Case.Reference, to.Case.ReceivedOn, Day(message.Fact(MessageFacts.AcknowledgedOn)), to.Addressee,
            "The complaints team", to.Team, message.OptionalFact(MessageFacts.ResponseDueBy) is { } due ? Day(due) : null,
            message.OptionalFact(MessageFacts.UpdateEveryWorkingDays) is { } every ? int.Parse(every, CultureInfo.InvariantCulture) : null,
            Advocacy: null);
        return new Letter($"Your complaint {to.Case.Reference}: we have received it",
            AcknowledgementLetter.Text(letter), AcknowledgementLetter.Html(letter, to.Format), AcknowledgementLetter.Pdf(letter, to.Format));
    }

    // The final response as it was signed and sent (Reg 14), which ends with how to go to the Ombudsman.
    private async Task<Letter?> FinalResponseAsync(Recipient to, CancellationToken ct)
    {
        if (await FinalResponseAsync(to.Case, to.OrganisationName, to.Addressee, ct) is not { } letter)
        {
            return null;
        }
        return new Letter($"Your complaint {to.Case.Reference}: our final response",
            FinalResponseLetter.Text(letter), FinalResponseLetter.Html(letter, to.Format), FinalResponseLetter.Pdf(letter, to.Format));
    }

    /// <summary>The final response as it was signed and sent, addressed as given, or <c>null</c> when the case holds none as sent.</summary>
    public async Task<FinalResponseLetterModel?> FinalResponseAsync(KnownCase known, string organisationName, LetterParty addressee, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(known);
        if (await cases.FinalResponseAsync(known.CaseId, ct) is not { } sent)
        {
            return null;
        }
        var contributions = new List<LetterContribution>();
        foreach (var contribution in sent.Contributions)
        {
            contributions.Add(new LetterContribution(await organisations.NameOfAsync(contribution.OrganisationCode, ct), contribution.Text));
        }
        return new FinalResponseLetterModel(
            organisationName, known.Reference, known.ReceivedOn, Day(sent.SentOn), addressee,
            sent.ComplaintSummary, sent.OutcomesSought, sent.Investigation,
            [.. sent.Findings.Select(f => new LetterFinding(f.Issue, f.Conclusion, f.Reasons, f.Upheld))],
            OutcomeOf(sent.Outcome),
            Given(sent.Apology), [.. sent.Changes.Select(c => new LetterChange(c.Action, Day(c.By)))], Given(sent.Remedy), contributions,
            sent.SignatoryName, sent.SignatoryTitle, Given(sent.OnBehalfOf));
    }

    // An early resolution confirmed in writing: what was discussed and agreed, and the way on if not satisfied.
    private async Task<Letter?> EarlyResolutionAsync(Recipient to, CancellationToken ct)
    {
        if (await cases.EarlyResolutionAsync(to.Case.CaseId, ct) is not { } early)
        {
            return null;
        }
        return Progress(to, new ProgressLetterModel(
            ProgressNotice.EarlyResolutionConfirmed, to.OrganisationName, to.Case.Reference, Day(early.ResolvedOn), to.Addressee, to.Team,
            Resolution: new LetterEarlyResolution(Day(early.ResolvedOn), early.Channel, early.Discussed, early.Agreed, OutcomeOf(early.Outcome))));
    }

    // The survey link is made only now that the letter can reach the complainant, and is never stored here.
    private async Task<Letter?> SurveyInvitationAsync(SentMessage message, Recipient to, CancellationToken ct)
    {
        if (await cases.SurveyLinkAsync(CaseOf(message), ct) is not { } link)
        {
            return null;
        }
        return Progress(to, new ProgressLetterModel(
            ProgressNotice.SurveyInvitation, to.OrganisationName, to.Case.Reference, Day(message.Fact(MessageFacts.ClosedOn)), to.Addressee, to.Team,
            SurveyAddress: new Uri(options.Value.PortalAddress, "survey/link/" + Uri.EscapeDataString(link.Code)), SurveyOpenUntil: Day(link.OpenUntil)));
    }

    private static Letter Progress(Recipient to, ProgressLetterModel letter) =>
        new(ProgressLetter.Subject(letter), ProgressLetter.Text(letter), ProgressLetter.Html(letter, to.Format), ProgressLetter.Pdf(letter, to.Format));

    // The letters written here follow a case's steps; one about a complaint without a case is ComplaintLetters'.
    private static Guid CaseOf(SentMessage message) =>
        message.CaseId ?? throw new InvalidOperationException($"Message {message.Id} ({message.Template}) is about no case.");

    private static LetterOutcome OutcomeOf(string outcome) => outcome switch
    {
        "Upheld" => LetterOutcome.Upheld,
        "PartiallyUpheld" => LetterOutcome.PartlyUpheld,
        _ => LetterOutcome.NotUpheld,
    };

    private static string? Given(string value) => value.Length == 0 ? null : value;

    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    // Who a letter goes to and on whose behalf, as read for this one letter.
    private sealed record Recipient(KnownCase Case, string OrganisationName, LetterParty Addressee, string? Team, LetterFormat Format);

    // One letter in each form it may travel in.
    private sealed record Letter(string Subject, string Text, string Html, byte[] Pdf);
}
