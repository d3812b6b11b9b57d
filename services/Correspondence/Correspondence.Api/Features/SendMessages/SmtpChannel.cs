using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace IcsComplaints.Correspondence.Api.Features.SendMessages;

/// <summary>Settings of the SMTP channel (<c>Correspondence:Smtp</c>).</summary>
public sealed class SmtpOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Correspondence:Smtp";

    /// <summary>The mail server's host.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>Its port.</summary>
    public int Port { get; set; } = 2525;

    /// <summary>Whether to require TLS (STARTTLS); off for a local mail catcher.</summary>
    public bool UseTls { get; set; }

    /// <summary>The sender's address.</summary>
    public string FromAddress { get; set; } = "complaints@ics-complaints.example";

    /// <summary>The sender's name.</summary>
    public string FromName { get; set; } = "NHS complaints";
}

/// <summary>E-mail over SMTP with MailKit: to the local mail catcher in development and tests.</summary>
public sealed class SmtpChannel(IOptions<SmtpOptions> options) : IMailChannel
{
    /// <inheritdoc />
    public bool CarriesAttachments => true;

    /// <inheritdoc />
    public async Task SendAsync(OutgoingEmail mail, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var settings = options.Value;
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        // One id per stored message: a resend after an attempt whose outcome was never recorded carries the same id,
        // so the two can be told apart from two different messages.
        message.MessageId = $"{mail.MessageId:N}@{settings.FromAddress.Split('@')[^1]}";
        var body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody };
        foreach (var attachment in mail.Attachments)
        {
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }
        message.Body = body.ToMessageBody();

        using var client = new SmtpClient();
        await client.ConnectAsync(settings.Host, settings.Port, settings.UseTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}
