using IcsComplaints.Correspondence.Api.Data;
using IcsComplaints.Correspondence.Api.Features.ListMessages;
using IcsComplaints.Correspondence.Domain.Messages;
using IcsComplaints.Documents.Storage;
using IcsComplaints.ServiceDefaults;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;

namespace IcsComplaints.Correspondence.Api.Features.SendMessages;

/// <summary>
/// Sends the next message due: the attempt is recorded first (so a crash part-way is visible and retried after its
/// lease), then the message is written and handed to the channel, then the outcome is recorded. Failures wait and
/// retry on the schedule; when it is spent the message has failed and the case's staff see it.
/// </summary>
public sealed partial class SendMessageHandler(
    MessageStore store, MessageWriter writer, IMailChannel channel, IPostChannel post, IDocumentContentStore copies, IOptions<CorrespondenceOptions> options, TimeProvider clock,
    ILogger<SendMessageHandler> logger)
{
    /// <summary>Sends one message if one is due; <c>false</c> when none was.</summary>
    public async Task<bool> SendNextAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var claimed = await store.ClaimNextDueAsync(clock.GetUtcNow(), settings.AttemptLease, ct);
        if (claimed is not { } id)
        {
            return false;
        }
        store.Forget();
        var message = await store.GetAsync(id, ct);
        try
        {
            var written = await writer.WriteAsync(message, ct);
            // The copy is kept before the letter goes: a send that fails is retried and keeps the same copy once, and
            // one that succeeded is never sent again for want of its copy.
            if (written.Copy is { } copy)
            {
                await copies.PutAsync(LetterCopies.Key(message.Id), copy, ct);
            }
            if (written.Mail is { } mail)
            {
                await channel.SendAsync(mail, ct);
                message.Sent(MessageChannel.Email, written.LargePrint, clock.GetUtcNow(), copyKept: written.Copy is not null);
                LogSent(logger, message.Id, message.Template, message.Attempts);
            }
            else if (written.Letter is { } letter)
            {
                await post.SendAsync(letter, ct);
                message.Sent(MessageChannel.Post, written.LargePrint, clock.GetUtcNow(), copyKept: written.Copy is not null);
                LogSent(logger, message.Id, message.Template, message.Attempts);
            }
            else
            {
                message.NotSent(written.NotSentReason ?? "Nothing to send.");
                LogNotSent(logger, message.Id, message.Template);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Only the kind of failure is kept: a mail server's own message can quote the recipient's address.
            var reason = Describe(ex);
            message.AttemptFailed(reason, new RetrySchedule(settings.FirstRetryWait, settings.MaxAttempts), clock.GetUtcNow());
            LogFailed(logger, message.Id, message.Template, message.Attempts, reason, message.Status);
        }
        await store.SaveAsync(ct);
        return true;
    }

    private static string Describe(Exception ex) => ex switch
    {
        SmtpCommandException smtp => $"The mail server refused it ({(int)smtp.StatusCode} {smtp.ErrorCode}).",
        SmtpProtocolException => "The mail server broke the protocol.",
        System.Net.Sockets.SocketException socket => $"The mail server could not be reached ({socket.SocketErrorCode}).",
        ServiceIdentityMissingException => "The service has no identity of its own set, so it cannot read what the message needs.",
        global::Grpc.Core.RpcException rpc => $"Intake or case could not give what the message needs ({rpc.StatusCode}).",
        HttpRequestException http => $"The identity service gave no token ({(http.StatusCode is { } status ? ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture) : "unreachable")}).",
        _ => $"Sending failed ({ex.GetType().Name}).",
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Message {MessageId} ({Template}) sent on attempt {Attempt}")]
    private static partial void LogSent(ILogger logger, Guid messageId, string template, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Message {MessageId} ({Template}) not sent: no route or no lawful basis")]
    private static partial void LogNotSent(ILogger logger, Guid messageId, string template);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} ({Template}) attempt {Attempt} failed: {Reason}; now {Status}")]
    private static partial void LogFailed(ILogger logger, Guid messageId, string template, int attempt, string reason, MessageStatus status);
}
