using IcsComplaints.Correspondence.Api.Features.ReadContacts;
using IcsComplaints.Correspondence.Domain.Messages;
using IcsComplaints.Correspondence.Domain.Rules;
using IcsComplaints.Intake.Contracts.Grpc.V1;
using IcsComplaints.Letters;

namespace IcsComplaints.Correspondence.Api.Features.SendMessages;

/// <summary>The complainant as a letter addresses them, the route and format chosen, or the message not sent.</summary>
/// <param name="Contact">Their contact details as intake gave them for this one letter.</param>
/// <param name="Decision">The route and format.</param>
/// <param name="NotSent">Why nothing is sent, when nothing is.</param>
public sealed record RoutedComplainant(ComplainantContact? Contact, RouteDecision? Decision, WrittenMessage? NotSent)
{
    /// <summary>Nothing is sent, for the reason given.</summary>
    public static RoutedComplainant None(WrittenMessage notSent) => new(null, null, notSent);

    /// <summary>Whether they asked for large print.</summary>
    public bool LargePrint => Decision?.LargePrint ?? false;

    /// <summary>The letter's format.</summary>
    public LetterFormat Format => LargePrint ? LetterFormat.LargePrint : LetterFormat.Standard;

    /// <summary>Who the letter is addressed to.</summary>
    public LetterParty Addressee => new(Contact!.Name, [.. Contact.AddressLines]);
}

/// <summary>
/// How every letter to a complainant travels: their contact details read from intake as it is written (audited there
/// with the letter as the purpose), the route and format chosen by <see cref="ComplainantRoute"/>, then the letter
/// handed over as an e-mail carrying its PDF or as a PDF for the print route. Nothing read is stored or logged.
/// </summary>
public sealed class ComplainantRouting(ComplainantContacts contacts, IMailChannel mail, IPostChannel post)
{
    /// <summary>Reads their contact details and chooses the route, or says why nothing is sent (no route, not open, no print route).</summary>
    public async Task<RoutedComplainant> RouteAsync(SentMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var contact = await contacts.ReadAsync(message.ComplaintId, message.Template, ct);
        if (contact is null)
        {
            return RoutedComplainant.None(WrittenMessage.NotSent("Intake holds no such complaint."));
        }
        var decision = ComplainantRoute.Choose(
            contact.State, contact.ContactPreference, !string.IsNullOrWhiteSpace(contact.Email), contact.AddressLines.Count > 0, contact.Adjustments);
        if (decision.Route == LetterRoute.None)
        {
            return RoutedComplainant.None(WrittenMessage.NotSent(decision.Reason!, decision.LargePrint));
        }
        if (decision.Route == LetterRoute.Post && !post.IsConfigured)
        {
            return RoutedComplainant.None(WrittenMessage.NotSent("The complainant is written to by post and no print and post route is set.", decision.LargePrint));
        }
        return new RoutedComplainant(contact, decision, null);
    }

    /// <summary>The letter by the route chosen: to the print route as a PDF, or as an e-mail whose text is the letter, with the PDF where the channel carries files.</summary>
    public WrittenMessage Deliver(SentMessage message, RoutedComplainant to, string reference, string subject, string fileName, string text, string html, byte[] pdf)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(to);
        if (to.Decision!.Route == LetterRoute.Post)
        {
            return new WrittenMessage(null, new OutgoingLetter(message.Id, reference, pdf), to.LargePrint, null, Copy: pdf);
        }
        // The letter is the e-mail's text too, so it reads without opening the file and where files cannot be sent.
        var attachments = mail.CarriesAttachments ? new[] { new MailAttachment(fileName, "application/pdf", pdf) } : [];
        return new WrittenMessage(new OutgoingEmail(message.Id, to.Contact!.Email, subject, text, html, attachments), null, to.LargePrint, null, Copy: pdf);
    }
}
