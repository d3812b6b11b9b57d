using IcsComplaints.Messaging.Outbox;
using IcsComplaints.Platform.Correlation;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IcsComplaints.Messaging.Inbox;

/// <summary>What every consumer of a service needs, in one injectable bundle.</summary>
public sealed class InboxServices<TDbContext>(
    TDbContext db, IOutbox outbox, IOptions<MessagingOptions> options, MessagingMetrics metrics, ILoggerFactory loggers)
    where TDbContext : DbContext
{
    /// <summary>The service's database, shared with the consumer's effect and the outbox.</summary>
    public TDbContext Db { get; } = db;

    /// <summary>The outbox of the same unit of work.</summary>
    public IOutbox Outbox { get; } = outbox;

    internal MessagingOptions Options { get; } = options.Value;

    internal MessagingMetrics Metrics { get; } = metrics;

    internal ILogger Logger { get; } = loggers.CreateLogger("IcsComplaints.Messaging.Inbox");
}

/// <summary>
/// The one way this project consumes messages: the inbox row, the consumer's effect and any messages it emits
/// commit in one transaction, so a redelivered message has no second effect (at-least-once delivery,
/// exactly-once effect). When immediate retries are spent, the message is redelivered later through the outbox;
/// when redeliveries are spent too, it goes to the queue's <c>_error</c> queue.
/// </summary>
public abstract partial class IdempotentConsumer<TMessage, TDbContext>(InboxServices<TDbContext> services) : IConsumer<TMessage>
    where TMessage : class
    where TDbContext : DbContext
{
    private string? _inboxTable;

    /// <summary>The service's database.</summary>
    protected TDbContext Db => services.Db;

    /// <summary>The outbox of this unit of work.</summary>
    protected IOutbox Outbox => services.Outbox;

    /// <summary>Applies the message's effect to <see cref="Db"/>; the base class saves and commits.</summary>
    protected abstract Task HandleAsync(ConsumeContext<TMessage> context);

    /// <inheritdoc />
    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException("A message without a MessageId cannot be de-duplicated.");
        var correlationId = CorrelationContext.Normalise(context.Headers.Get<string>(MessageHeaders.CorrelationId));
        CorrelationContext.Set(correlationId);
        using var scope = services.Logger.BeginScope(new Dictionary<string, object>
        {
            ["CorrelationId"] = correlationId,
            ["MessageId"] = messageId,
        });

        var db = Db;
        db.ChangeTracker.Clear();
        var consumer = new KeyValuePair<string, object?>(MessagingMetrics.ConsumerTag, GetType().Name);
        services.Metrics.InProgress.Add(1, consumer);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
            if (!await RecordInInboxAsync(db, messageId, context.CancellationToken))
            {
                services.Metrics.Duplicates.Add(1);
                LogDuplicate(services.Logger, messageId, ConsumerName);
                return;
            }
            await HandleAsync(context);
            await db.SaveChangesAsync(context.CancellationToken);
            await transaction.CommitAsync(context.CancellationToken);
            services.Metrics.Consumed.Add(1, consumer);
            if (context.SentTime is { } sent)
            {
                services.Metrics.ConsumeLag.Record(Math.Max(0, (DateTime.UtcNow - sent).TotalSeconds), consumer);
            }
        }
        catch (Exception ex) when (ShouldRedeliver(context, ex, out var redelivery))
        {
            db.ChangeTracker.Clear();
            await ScheduleRedeliveryAsync(context, messageId, correlationId, redelivery);
            LogRedelivery(services.Logger, messageId, ConsumerName, redelivery, ex.GetType().Name);
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }
        finally
        {
            services.Metrics.InProgress.Add(-1, consumer);
        }
    }

    private string ConsumerName => GetType().FullName!;

    private async Task<bool> RecordInInboxAsync(TDbContext db, Guid messageId, CancellationToken ct)
    {
        _inboxTable ??= OutboxTable.For(db).InboxName;
#pragma warning disable EF1002 // The table name comes from the EF model, never from input; values are parameters.
        var inserted = await db.Database.ExecuteSqlRawAsync(
            $"INSERT INTO {_inboxTable} (message_id, consumer, received_at) VALUES ({{0}}, {{1}}, now()) ON CONFLICT DO NOTHING",
            [messageId, ConsumerName], ct);
#pragma warning restore EF1002
        return inserted == 1;
    }

    private bool ShouldRedeliver(ConsumeContext<TMessage> context, Exception ex, out int redelivery)
    {
        var done = int.TryParse(context.Headers.Get<string>(MessageHeaders.RedeliveryCount), out var count) ? count : 0;
        redelivery = done + 1;
        return ex is not OperationCanceledException
            && context.GetRetryAttempt() >= services.Options.ImmediateRetries
            && done < services.Options.RedeliveryDelays.Length;
    }

    private async Task ScheduleRedeliveryAsync(ConsumeContext<TMessage> context, Guid messageId, string correlationId, int redelivery)
    {
        var delay = services.Options.RedeliveryDelays[redelivery - 1];
        services.Outbox.Send(
            context.ReceiveContext.InputAddress, context.Message, messageId, DateTimeOffset.UtcNow + delay,
            new Dictionary<string, string>
            {
                [MessageHeaders.RedeliveryCount] = redelivery.ToString(System.Globalization.CultureInfo.InvariantCulture),
                [MessageHeaders.CorrelationId] = correlationId,
            });
        await Db.SaveChangesAsync(CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Message {MessageId} already handled by {Consumer}; dropped")]
    private static partial void LogDuplicate(ILogger logger, Guid messageId, string consumer);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} failed in {Consumer} ({ExceptionType}); redelivery {Redelivery} scheduled")]
    private static partial void LogRedelivery(ILogger logger, Guid messageId, string consumer, int redelivery, string exceptionType);
}
