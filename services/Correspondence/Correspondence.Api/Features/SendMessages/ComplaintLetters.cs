using System.Globalization;
using IcsComplaints.Calendar;
using IcsComplaints.Correspondence.Api.Data;
using IcsComplaints.Correspondence.Api.Features.QueueMessages;
using IcsComplaints.Correspondence.Api.Features.ReadContacts;
using IcsComplaints.Correspondence.Domain.Complaints;
using IcsComplaints.Correspondence.Domain.Messages;
using IcsComplaints.Correspondence.Domain.Rules;
using IcsComplaints.Letters;
using Microsoft.Extensions.Options;

namespace IcsComplaints.Correspondence.Api.Features.SendMessages;

/// <summary>
/// The messages about a complaint before (or without) a case (<see cref="ComplaintNotices"/>, ADR 37), written when
/// they are sent: to the complainant, their contact details (and for the written record, what they told us) read from
/// intake then, audited there with the letter as the purpose, the route and format chosen by
/// <see cref="ComplainantRoute"/>; to the ICB's complaints team, its mailbox from settings. The letters quote the
/// complaint's reference and day received as intake announced them. Nothing read about the person is stored or logged.
/// </summary>
public sealed class ComplaintLetters(
    ComplaintStore complaints, ComplainantRouting routing, ComplaintStatements statements, OrganisationNames organisations,
    IOptions<CorrespondenceOptions> options, TimeProvider clock)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Whether the template is one of these.</summary>
    public static bool Writes(string template) =>
        template is MessageTemplates.OralComplaintRecord or MessageTemplates.ConsentRequest or MessageTemplates.ConsentAwaited or MessageTemplates.TransferNotice;

    /// <summary>Writes the message.</summary>
    public async Task<WrittenMessage> WriteAsync(SentMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        // Recorded in the same transaction as the message; missing, the attempt fails and is retried.
        var known = await complaints.FindAsync(message.ComplaintId, ct)
            ?? throw new InvalidOperationException("The complaint has not been announced yet.");
        return message.Template switch
        {
            MessageTemplates.OralComplaintRecord => await OralComplaintRecordAsync(message, known, ct),
            MessageTemplates.ConsentRequest => await ConsentRequestAsync(message, known, ct),
            MessageTemplates.ConsentAwaited => await ConsentAwaitedAsync(message, known, ct),
            MessageTemplates.TransferNotice => await TransferNoticeAsync(message, known, ct),
            _ => throw new InvalidOperationException($"No template '{message.Template}'."),
        };
    }

    /// <summary>The written record of an oral complaint (Reg 13(2)): what intake holds of what they told us, and how to correct it.</summary>
    private async Task<WrittenMessage> OralComplaintRecordAsync(SentMessage message, KnownComplaint known, CancellationToken ct)
    {
        var to = await routing.RouteAsync(message, ct);
        if (to.NotSent is { } notSent)
        {
            return notSent;
        }
        var statement = await statements.ReadAsync(message.ComplaintId, message.Template, ct);
        if (statement is null)
        {
            return WrittenMessage.NotSent("Intake holds no such complaint.", to.LargePrint);
        }
        if (ComplaintNotices.WrittenRecordAlreadySent(OptionalDay(statement.WrittenRecordSentOn)) is { } already)
        {
            return WrittenMessage.NotSent(already, to.LargePrint);
        }
        var letter = new OralComplaintRecordLetterModel(
            await organisations.NameOfAsync(message.OrganisationCode, ct), known.Reference, known.ReceivedOn, LondonTime.Today(clock),
            to.Addressee, ComplaintNotices.HowMade(message.Fact(ComplaintFacts.Channel)), statement.Description,
            string.IsNullOrWhiteSpace(statement.DesiredOutcome) ? null : statement.DesiredOutcome, options.Value.TeamMailboxOf(message.OrganisationCode));
        return routing.Deliver(message, to, known.Reference, $"Your complaint {known.Reference}: our written record of what you told us",
            $"written-record-{known.Reference}.pdf", OralComplaintRecordLetter.Text(letter), OralComplaintRecordLetter.Html(letter, to.Format),
            OralComplaintRecordLetter.Pdf(letter, to.Format));
    }

    /// <summary>The ICB asks for consent to share the complaint with the provider it is about, saying what happens either way (Reg 7(3)).</summary>
    private async Task<WrittenMessage> ConsentRequestAsync(SentMessage message, KnownComplaint known, CancellationToken ct)
    {
        var to = await routing.RouteAsync(message, ct);
        if (to.NotSent is { } notSent)
        {
            return notSent;
        }
        if (ComplaintNotices.ConsentNoLongerAwaited(to.Contact!.Route) is { } answered)
        {
            return WrittenMessage.NotSent(answered, to.LargePrint);
        }
        var letter = new ConsentRequestLetterModel(
            await organisations.NameOfAsync(message.OrganisationCode, ct), known.Reference, known.ReceivedOn, LondonTime.Today(clock), to.Addressee,
            await ProviderNamesAsync(message, ct), options.Value.TeamMailboxOf(message.OrganisationCode));
        return routing.Deliver(message, to, known.Reference, $"Your complaint {known.Reference}: may we share it with {ConsentRequestLetter.Providers(letter.ProviderNames)}?",
            $"consent-request-{known.Reference}.pdf", ConsentRequestLetter.Text(letter), ConsentRequestLetter.Html(letter, to.Format),
            ConsentRequestLetter.Pdf(letter, to.Format));
    }

    /// <summary>The organisation that had the complaint tells the complainant who handles it now, from its original day (Reg 6(6), 7(5)).</summary>
    private async Task<WrittenMessage> TransferNoticeAsync(SentMessage message, KnownComplaint known, CancellationToken ct)
    {
        var to = await routing.RouteAsync(message, ct);
        if (to.NotSent is { } notSent)
        {
            return notSent;
        }
        var handler = message.Fact(ComplaintFacts.ToOrganisation);
        var handlerName = await organisations.NameOfAsync(handler, ct);
        var letter = new TransferNoticeLetterModel(
            await organisations.NameOfAsync(message.OrganisationCode, ct), known.Reference, known.ReceivedOn, LondonTime.Today(clock), to.Addressee,
            handlerName, Day(message.Fact(ComplaintFacts.TransferredOn)), options.Value.TeamMailboxOf(handler), options.Value.TeamMailboxOf(message.OrganisationCode));
        return routing.Deliver(message, to, known.Reference, $"Your complaint {known.Reference} has been passed to {handlerName}",
            $"complaint-passed-on-{known.Reference}.pdf", TransferNoticeLetter.Text(letter), TransferNoticeLetter.Html(letter, to.Format),
            TransferNoticeLetter.Pdf(letter, to.Format));
    }

    /// <summary>The ICB's complaints team is told a complaint waits for consent to share (Reg 7(3)): the reference, the providers, how long; nothing personal.</summary>
    private async Task<WrittenMessage> ConsentAwaitedAsync(SentMessage message, KnownComplaint known, CancellationToken ct)
    {
        if (options.Value.TeamMailboxOf(message.OrganisationCode) is not { } mailbox)
        {
            return WrittenMessage.NotSent("No complaints team mailbox is set for the organisation.");
        }
        var providers = ConsentRequestLetter.Providers(await ProviderNamesAsync(message, ct));
        var days = ComplaintNotices.DaysWaiting(known.ReceivedOn, LondonTime.Today(clock));
        var waiting = days switch
        {
            0 => "It is waiting",
            1 => "It has been waiting 1 day",
            _ => string.Create(CultureInfo.InvariantCulture, $"It has been waiting {days} days"),
        };
        var text = $"Complaint {known.Reference}, received on {known.ReceivedOn.ToString("dddd d MMMM yyyy", English)}, is about {providers}, "
            + $"which your organisation commissions. {waiting} for the complainant's consent to share it with them (Reg 7(3)); "
            + "nothing is shared until they give it.\n\n"
            + "The platform writes to the complainant to ask for their consent, where intake holds an address for them; "
            + "whether it could is shown with the messages of your case for the complaint. When they answer, record it at intake: "
            + "with consent, decide whether you handle the complaint or transfer it to the provider (Reg 7(4)-(5)); "
            + "without it, you handle it yourselves and the provider is not told who complained.\n\n"
            + "The complaints platform sent this to your organisation's complaints team.\n";
        return new WrittenMessage(
            new OutgoingEmail(message.Id, mailbox, $"Complaint {known.Reference}: waiting for the complainant's consent to share it", text, null, []),
            null, LargePrint: false, NotSentReason: null);
    }

    private async Task<IReadOnlyList<string>> ProviderNamesAsync(SentMessage message, CancellationToken ct)
    {
        var names = new List<string>();
        foreach (var code in message.Fact(ComplaintFacts.AboutOrganisations).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            names.Add(await organisations.NameOfAsync(code, ct));
        }
        return names;
    }

    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? OptionalDay(string iso) => string.IsNullOrEmpty(iso) ? null : Day(iso);
}
