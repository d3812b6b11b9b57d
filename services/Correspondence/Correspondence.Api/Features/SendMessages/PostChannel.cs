using Microsoft.Extensions.Options;
using Notify.Client;

namespace IcsComplaints.Correspondence.Api.Features.SendMessages;

/// <summary>A letter ready to print and post: the PDF carries the address, so nothing else about the person travels.</summary>
/// <param name="MessageId">The stored message's id, the letter's reference at the print route.</param>
/// <param name="Reference">The complaint's reference, for the print room's subject line.</param>
/// <param name="Pdf">The letter, addressed.</param>
public sealed record OutgoingLetter(Guid MessageId, string Reference, byte[] Pdf);

/// <summary>
/// Where printed letters go: in development and tests an e-mail to a print mailbox (the mail catcher shows it); in
/// production GOV.UK Notify's precompiled letter API. Throws when the letter was not accepted.
/// </summary>
public interface IPostChannel
{
    /// <summary>Whether there is a print route at all; without one, a letter is not sent and the reason says why.</summary>
    bool IsConfigured { get; }

    /// <summary>Hands the letter over.</summary>
    Task SendAsync(OutgoingLetter letter, CancellationToken ct);
}

/// <summary>Printed letters as e-mails with the PDF to the print room's mailbox (<c>Correspondence:PrintMailbox</c>).</summary>
public sealed class PrintMailboxChannel(IMailChannel mail, IOptions<CorrespondenceOptions> options) : IPostChannel
{
    /// <inheritdoc />
    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.PrintMailbox);

    /// <inheritdoc />
    public Task SendAsync(OutgoingLetter letter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(letter);
        var mailbox = options.Value.PrintMailbox ?? throw new InvalidOperationException("No print mailbox is set.");
        return mail.SendAsync(new OutgoingEmail(letter.MessageId, mailbox, $"Print and post: complaint {letter.Reference}",
            "Print the attached letter and post it first class to the address printed on it.\n", null,
            [new MailAttachment($"letter-{letter.Reference}.pdf", "application/pdf", letter.Pdf)]), ct);
    }
}

/// <summary>
/// Printed letters through GOV.UK Notify's precompiled letter API: Notify prints and posts the PDF as it is, with
/// the stored message's id as its reference. Notify checks the layout (address block, margins) after accepting it.
/// </summary>
public sealed class NotifyLetterChannel(IOptions<NotifyOptions> options) : IPostChannel
{
    /// <inheritdoc />
    public bool IsConfigured => true;

    /// <inheritdoc />
    public async Task SendAsync(OutgoingLetter letter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(letter);
        var settings = options.Value;
        var client = new NotificationClient(settings.BaseUrl, settings.ApiKey);
        await client.SendPrecompiledLetterAsync(letter.MessageId.ToString(), letter.Pdf, "first");
    }
}
