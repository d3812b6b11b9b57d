namespace IcsComplaints.Correspondence.Api.Features.SendMessages;

/// <summary>A file sent with an e-mail.</summary>
/// <param name="FileName">Its name as the recipient sees it.</param>
/// <param name="ContentType">Its MIME type.</param>
/// <param name="Content">Its bytes.</param>
public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>An e-mail ready to go.</summary>
/// <param name="MessageId">The stored message's id, sent as the e-mail's own id so a repeat of the same message can be recognised.</param>
/// <param name="To">The recipient's address.</param>
/// <param name="Subject">The subject line.</param>
/// <param name="TextBody">The plain-text body.</param>
/// <param name="HtmlBody">The HTML body, when there is one.</param>
/// <param name="Attachments">Files attached.</param>
public sealed record OutgoingEmail(Guid MessageId, string To, string Subject, string TextBody, string? HtmlBody, IReadOnlyList<MailAttachment> Attachments);

/// <summary>
/// Where e-mail goes: SMTP in development and tests, GOV.UK Notify in production, chosen by configuration alone.
/// A channel throws when it did not accept the message, so that the attempt is recorded as failed and retried.
/// </summary>
public interface IMailChannel
{
    /// <summary>Whether e-mail through it can carry files; when not, a letter goes as the e-mail's text alone.</summary>
    bool CarriesAttachments { get; }

    /// <summary>Hands the e-mail over.</summary>
    Task SendAsync(OutgoingEmail mail, CancellationToken ct);
}
