using Microsoft.Extensions.Options;
using Notify.Client;

namespace IcsComplaints.Correspondence.Api.Features.SendMessages;

/// <summary>Settings of the GOV.UK Notify channel (<c>Correspondence:Notify</c>).</summary>
public sealed class NotifyOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Correspondence:Notify";

    /// <summary>Notify's API address.</summary>
    public string BaseUrl { get; set; } = "https://api.notifications.service.gov.uk";

    /// <summary>The service's API key (key name, service id and secret); a secret, given by the deployment.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>
    /// The e-mail template in Notify that every e-mail is sent through: its subject is <c>((subject))</c> and its body
    /// <c>((body))</c>, so the wording stays in this repository with the rest of the platform's messages.
    /// </summary>
    public string EmailTemplateId { get; set; } = "";

    /// <summary>The reply-to address registered in Notify, when not the service's default.</summary>
    public string? EmailReplyToId { get; set; }
}

/// <summary>
/// E-mail through GOV.UK Notify, for production. Each e-mail is sent with the stored message's id as its reference,
/// by which Notify's delivery receipts will name it.
/// </summary>
public sealed class NotifyChannel(IOptions<NotifyOptions> options) : IMailChannel
{
    /// <inheritdoc />
    public bool CarriesAttachments => false;

    /// <inheritdoc />
    public async Task SendAsync(OutgoingEmail mail, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(mail);
        if (mail.Attachments.Count > 0)
        {
            // Notify sends a file as a link to download it, which needs its own template and consent wording.
            throw new NotSupportedException("The Notify channel does not send attachments yet.");
        }
        var settings = options.Value;
        // The (baseUrl, apiKey) constructor is the one that honours the address; the client is cheap to make.
        var client = new NotificationClient(settings.BaseUrl, settings.ApiKey);
        await client.SendEmailAsync(
            mail.To, settings.EmailTemplateId,
            new Dictionary<string, dynamic> { ["subject"] = mail.Subject, ["body"] = mail.TextBody },
            mail.MessageId.ToString(), settings.EmailReplyToId);
    }
}
