using IcsComplaints.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IcsComplaints.Messaging;

/// <summary>Counts the outbox backlog for metrics and health, and removes inbox entries past their retention.</summary>
public sealed partial class MessagingMaintenance<TDbContext>(
    IServiceScopeFactory scopes, MessagingMetrics metrics, IOptions<MessagingOptions> options,
    ILogger<MessagingMaintenance<TDbContext>> logger) : BackgroundService
    where TDbContext : DbContext
{
    private static readonly TimeSpan CountEvery = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan CleanEvery = TimeSpan.FromMinutes(10);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextClean = DateTimeOffset.UtcNow;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
                metrics.Pending = await db.Set<OutboxMessage>().LongCountAsync(m => m.ParkedAt == null, stoppingToken);
                metrics.Parked = await db.Set<OutboxMessage>().LongCountAsync(m => m.ParkedAt != null, stoppingToken);
                // The first row due in publishing order, found by the key's index. A row scheduled for later (a
                // redelivery's delay) is not late until its time comes; one backing off after failures is late all along.
                var now = DateTimeOffset.UtcNow;
                metrics.OldestPendingSince = await db.Set<OutboxMessage>()
                    .Where(m => m.ParkedAt == null && (m.AvailableAt == null || m.AvailableAt <= now || m.Attempts > 0))
                    .OrderBy(m => m.Sequence)
                    .Select(m => (DateTimeOffset?)m.CreatedAt)
                    .FirstOrDefaultAsync(stoppingToken);
                if (DateTimeOffset.UtcNow >= nextClean)
                {
                    var before = DateTimeOffset.UtcNow - options.Value.InboxRetention;
                    var removed = await db.Set<InboxMessage>().Where(m => m.ReceivedAt < before).ExecuteDeleteAsync(stoppingToken);
                    LogInboxCleaned(logger, removed);
                    nextClean = DateTimeOffset.UtcNow + CleanEvery;
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogMaintenanceFailed(logger, ex.GetType().Name);
            }
            await Task.Delay(CountEvery, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Removed {Count} inbox entries past retention")]
    private static partial void LogInboxCleaned(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Messaging maintenance failed ({ExceptionType}); will try again")]
    private static partial void LogMaintenanceFailed(ILogger logger, string exceptionType);
}

/// <summary>Reports Degraded while parked outbox rows wait for an operator.</summary>
public sealed class OutboxHealthCheck(MessagingMetrics metrics) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(metrics.Parked > 0
            ? HealthCheckResult.Degraded($"{metrics.Parked} outbox messages are parked; see /admin/outbox")
            : HealthCheckResult.Healthy($"{metrics.Pending} outbox messages pending"));
}
