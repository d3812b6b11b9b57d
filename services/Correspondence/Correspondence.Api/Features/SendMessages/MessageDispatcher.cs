using Microsoft.Extensions.Options;

namespace IcsComplaints.Correspondence.Api.Features.SendMessages;

/// <summary>
/// Sends what the consumers queued, after their transactions commit: in every replica, each claiming its own rows,
/// so a message is never handed to the channel by two at once.
/// </summary>
public sealed partial class MessageDispatcher(IServiceScopeFactory scopes, IOptions<CorrespondenceOptions> options, ILogger<MessageDispatcher> logger)
    : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var sentOne = false;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                sentOne = await scope.ServiceProvider.GetRequiredService<SendMessageHandler>().SendNextAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database is away: wait and try again, as the outbox relay does.
                LogUnavailable(logger, ex.GetType().Name);
            }
            if (!sentOne)
            {
                try
                {
                    await Task.Delay(options.Value.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not claim a message to send ({Error}); trying again")]
    private static partial void LogUnavailable(ILogger logger, string error);
}
