using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.Intake.Api.Data;

/// <summary>Forgets Idempotency-Keys after a day: long enough for any client's retries, short enough to stay small.</summary>
public sealed partial class IdempotencyKeyRetention(
    IServiceScopeFactory scopes, TimeProvider time, ILogger<IdempotencyKeyRetention> logger) : BackgroundService
{
    /// <summary>How long a key is honoured.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
                var before = time.GetUtcNow() - Retention;
                var removed = await db.IdempotencyRecords.Where(r => r.CreatedAt < before).ExecuteDeleteAsync(stoppingToken);
                LogRemoved(logger, removed);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, ex.GetType().Name);
            }
            await Task.Delay(TimeSpan.FromHours(1), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Removed {Count} expired idempotency keys")]
    private static partial void LogRemoved(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Idempotency key clean-up failed ({ExceptionType})")]
    private static partial void LogFailed(ILogger logger, string exceptionType);
}
