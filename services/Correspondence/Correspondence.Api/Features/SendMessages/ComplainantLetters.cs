using System.Globalization;
using IcsComplaints.Correspondence.Api.Data;
using IcsComplaints.Correspondence.Api.Features.QueueMessages;
using IcsComplaints.Correspondence.Api.Features.ReadContacts;
using IcsComplaints.Correspondence.Domain.Messages;
using IcsComplaints.Correspondence.Domain.Rules;
using IcsComplaints.Letters;
using Microsoft.Extensions.Options;

namespace IcsComplaints.Correspondence.Api.Features.SendMessages;

/// <summary>
/// Letters to the complainant: their contact details are read from intake as the letter is written (audited there
/// with the letter as the purpose), the route and format chosen by <see cref="ComplainantRoute"/>, and the letter
/// rendered from the shared templates. Nothing read about the person is stored or logged.
/// </summary>
public sealed class ComplainantLetters(
    MessageStore store, ComplainantContacts contacts, OrganisationNames organisations, IMailChannel mail, IPostChannel post,
    IOptions<CorrespondenceOptions> options)
{
    /// <summary>The acknowledgement (Reg 13): the offer to discuss the handling, the response date if agreed, the updates promised.</summary>
    public async Task<WrittenMessage> AcknowledgementAsync(SentMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        // The case's reference comes with CaseOpened; if that has not arrived yet, the attempt fails and is retried.
        var known = await store.FindCaseAsync(message.CaseId, ct)
            ?? throw new InvalidOperationException("The case has not been announced yet.");
        var contact = await contacts.ReadAsync(message.ComplaintId, message.Template, ct);
        if (contact is null)
        {
            return WrittenMessage.NotSent("Intake holds no such complaint.");
        }
        var decision = ComplainantRoute.Choose(
            contact.State, contact.ContactPreference, !string.IsNullOrWhiteSpace(contact.Email), contact.AddressLines.Count > 0, contact.Adjustments);
        if (decision.Route == LetterRoute.None)
        {
            return WrittenMessage.NotSent(decision.Reason!, decision.LargePrint);
        }
        if (decision.Route == LetterRoute.Post && !post.IsConfigured)
        {
            return WrittenMessage.NotSent("The complainant is written to by post and no print and post route is set.", decision.LargePrint);
        }

        var format = decision.LargePrint ? LetterFormat.LargePrint : LetterFormat.Standard;
        var team = options.Value.TeamMailboxOf(message.OrganisationCode);
        var letter = new AcknowledgementLetterModel(
            await organisations.NameOfAsync(message.OrganisationCode, ct), known.Reference, known.ReceivedOn,
            Day(message.Fact(MessageFacts.AcknowledgedOn)), new LetterParty(contact.Name, [.. contact.AddressLines]),
            "The complaints team", team, message.OptionalFact(MessageFacts.ResponseDueBy) is { } due ? Day(due) : null,
            message.OptionalFact(MessageFacts.UpdateEveryWorkingDays) is { } every ? int.Parse(every, CultureInfo.InvariantCulture) : null,
            Advocacy: null);
        var pdf = AcknowledgementLetter.Pdf(letter, format);
        if (decision.Route == LetterRoute.Post)
        {
            return new WrittenMessage(null, new OutgoingLetter(message.Id, known.Reference, pdf), decision.LargePrint, null);
        }
        // The letter is the e-mail's text too, so it reads without opening the file and where files cannot be sent.
        var attachments = mail.CarriesAttachments
            ? new[] { new MailAttachment($"acknowledgement-{known.Reference}.pdf", "application/pdf", pdf) }
            : [];
        return new WrittenMessage(
            new OutgoingEmail(message.Id, contact.Email, $"Your complaint {known.Reference}: we have received it",
                AcknowledgementLetter.Text(letter), AcknowledgementLetter.Html(letter, format), attachments),
            null, decision.LargePrint, null);
    }

    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
