// Over 300 lines on purpose: claiming a batch, publishing it, waiting for RabbitMQ's confirms and committing share one
// batch's state and one retry policy; split apart, the order that makes the outbox lose and duplicate nothing would be implicit.
using System.Diagnostics;
using System.Text.Json;
using IcsComplaints.ServiceDefaults;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IcsComplaints.Messaging.Outbox;

/// <summary>
/// Called after a batch has been published and before its rows are deleted. Operational hooks (and the tests
/// that prove a crash at this point loses nothing and duplicates nothing) plug in here.
/// </summary>
public interface IOutboxRelayObserver
{
    /// <summary>The batch's messages are confirmed by RabbitMQ; their rows are about to be deleted.</summary>
    Task PublishedAsync(IReadOnlyList<Guid> messageIds, CancellationToken cancellationToken);
}

/// <summary>
/// Moves outbox rows to RabbitMQ. Each pass claims a batch with <c>FOR UPDATE SKIP LOCKED</c> (so replicas share
/// the work without overlap), publishes the whole batch concurrently with publisher confirms, deletes the rows
/// that were confirmed and records failures, all in one transaction. A crash before the commit releases the
/// rows to be published again with the same MessageId, and consumers' inboxes drop the repeat.
/// </summary>
public sealed partial class OutboxRelay<TDbContext> : BackgroundService
    where TDbContext : DbContext
{
    private readonly IServiceScopeFactory _scopes;
    private readonly IBus _bus;
    private readonly OutboxRelayOptions _options;
    private readonly IEnumerable<IOutboxRelayObserver> _observers;
    private readonly MessagingMetrics _metrics;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>Creates the relay.</summary>
    public OutboxRelay(
        IServiceScopeFactory scopes, IBus bus, IOptions<MessagingOptions> options, IEnumerable<IOutboxRelayObserver> observers,
        MessagingMetrics metrics, ILogger<OutboxRelay<TDbContext>> logger)
    {
        _scopes = scopes;
        _bus = bus;
        _options = options.Value.Relay;
        _observers = observers;
        _metrics = metrics;
        _logger = logger;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            return;
        }
        await Task.Yield();
        var table = OutboxTable.For<TDbContext>(_scopes);
        await using var dataSource = NpgsqlDataSource.Create(table.ConnectionString);
        var listener = ListenAsync(dataSource, table, stoppingToken);

        var backoff = TimeSpan.Zero;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var pass = await RelayBatchAsync(dataSource, table, stoppingToken);
                if (pass.BrokerUnavailable)
                {
                    backoff = NextBackoff(backoff);
                    LogBrokerUnavailable(_logger, pass.Claimed, backoff.TotalSeconds);
                    await Task.Delay(backoff, stoppingToken);
                    continue;
                }
                backoff = TimeSpan.Zero;
                if (pass.Claimed < _options.BatchSize)
                {
                    await _wake.WaitAsync(_options.PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // Database unreachable or the batch aborted: the transaction rolled back, rows stay for the next pass.
                backoff = NextBackoff(backoff);
                LogPassFailed(_logger, ex.GetType().Name, backoff.TotalSeconds);
                await Task.Delay(backoff, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
        await listener.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private TimeSpan NextBackoff(TimeSpan current) =>
        TimeSpan.FromMilliseconds(Math.Min(_options.MaxOutageBackoff.TotalMilliseconds, Math.Max(250, current.TotalMilliseconds * 2)));

    private void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another notification woke the relay first.
            }
        }
    }

    private async Task ListenAsync(NpgsqlDataSource dataSource, OutboxTable table, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, _) => Wake();
                await using (var listen = new NpgsqlCommand($"LISTEN \"{table.Channel}\"", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                Wake();
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Polling carries on meanwhile; notifications only make the relay quicker.
                LogListenFailed(_logger, ex.GetType().Name);
                await Task.Delay(_options.MaxBackoff, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task<Pass> RelayBatchAsync(NpgsqlDataSource dataSource, OutboxTable table, CancellationToken stoppingToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
        await using var transaction = await connection.BeginTransactionAsync(stoppingToken);
        var rows = await ClaimAsync(connection, transaction, table, stoppingToken);
        if (rows.Count == 0)
        {
            await transaction.CommitAsync(stoppingToken);
            return new Pass(0, false);
        }

        using var publishTimeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        publishTimeout.CancelAfter(_options.PublishTimeout);
        var outcomes = await Task.WhenAll(rows.Select(row => PublishAsync(row, publishTimeout.Token)));

        var sent = rows.Where((_, i) => outcomes[i].Error is null).ToList();
        var failed = rows.Select((row, i) => (row, outcome: outcomes[i])).Where(f => f.outcome.Error is not null).ToList();
        // When nothing got through and no row is itself broken, the broker is away: count no attempt against the
        // rows, roll back and wait. Otherwise the failures are the rows' own and count towards parking.
        if (sent.Count == 0 && failed.All(f => !f.outcome.Poison))
        {
            await transaction.RollbackAsync(stoppingToken);
            return new Pass(rows.Count, true);
        }

        foreach (var observer in _observers)
        {
            await observer.PublishedAsync(sent.Select(r => r.MessageId).ToList(), stoppingToken);
        }
        await DeleteAsync(connection, transaction, table, sent, stoppingToken);
        foreach (var (row, outcome) in failed)
        {
            await RecordFailureAsync(connection, transaction, table, row, outcome.Error!, stoppingToken);
        }
        await transaction.CommitAsync(stoppingToken);

        _metrics.Published.Add(sent.Count);
        if (failed.Count > 0)
        {
            _metrics.PublishFailures.Add(failed.Count);
        }
        return new Pass(rows.Count, false);
    }

    private async Task<List<Row>> ClaimAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, OutboxTable table, CancellationToken ct)
    {
        await using var claim = new NpgsqlCommand(
            $"""
            SELECT sequence, message_id, message_type, destination, payload::text, headers::text, attempts
            FROM {table.Name}
            WHERE parked_at IS NULL AND (available_at IS NULL OR available_at <= now())
            ORDER BY sequence
            LIMIT @batch
            FOR UPDATE SKIP LOCKED
            """, connection, transaction);
        claim.Parameters.AddWithValue("batch", _options.BatchSize);
        var rows = new List<Row>(_options.BatchSize);
        await using var reader = await claim.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new Row(
                reader.GetInt64(0), reader.GetGuid(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetString(4), reader.GetString(5), reader.GetInt32(6)));
        }
        return rows;
    }

    private async Task<Outcome> PublishAsync(Row row, CancellationToken ct)
    {
        var type = MessageTypes.Resolve(row.MessageType);
        if (type is null)
        {
            return Outcome.Broken($"Message type '{row.MessageType}' is not known to this build.");
        }
        object message;
        Dictionary<string, string> headers;
        try
        {
            message = JsonSerializer.Deserialize(row.Payload, type, MessageTypes.JsonOptions)
                ?? throw new JsonException("The payload is null.");
            headers = JsonSerializer.Deserialize<Dictionary<string, string>>(row.Headers, MessageTypes.JsonOptions) ?? [];
        }
        catch (JsonException ex)
        {
            return Outcome.Broken($"The stored payload cannot be read as {type.Name}: {ex.Message}");
        }

        using var activity = StartPublishActivity(type, headers);
        try
        {
            if (row.Destination is null)
            {
                await _bus.Publish(message, type, Pipe.Execute<PublishContext>(ctx => Stamp(ctx, row, headers)), ct);
            }
            else
            {
                var endpoint = await _bus.GetSendEndpoint(new Uri(row.Destination));
                await endpoint.Send(message, type, Pipe.Execute<SendContext>(ctx => Stamp(ctx, row, headers)), ct);
            }
            return Outcome.Sent;
        }
        catch (Exception ex) when (ex is UriFormatException or ArgumentException)
        {
            return Outcome.Broken($"{ex.GetType().Name}: {ex.Message}");
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            return Outcome.Failed($"{ex.GetType().Name}: {ex.Message}");
        }
    }

    private static void Stamp(SendContext context, Row row, Dictionary<string, string> headers)
    {
        context.MessageId = row.MessageId;
        foreach (var (key, value) in headers)
        {
            if (key is not MessageHeaders.TraceParent and not MessageHeaders.TraceState)
            {
                context.Headers.Set(key, value);
            }
        }
    }

    private static Activity? StartPublishActivity(Type type, Dictionary<string, string> headers)
    {
        // Continue the producer's trace, so a request and the events it caused read as one trace.
        ActivityContext.TryParse(
            headers.GetValueOrDefault(MessageHeaders.TraceParent), headers.GetValueOrDefault(MessageHeaders.TraceState), out var parent);
        var activity = IcsTelemetry.ActivitySource.StartActivity("outbox publish", ActivityKind.Producer, parent);
        activity?.SetTag("messaging.message.type", type.Name);
        return activity;
    }

    private static async Task DeleteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, OutboxTable table, List<Row> sent, CancellationToken ct)
    {
        if (sent.Count == 0)
        {
            return;
        }
        await using var delete = new NpgsqlCommand($"DELETE FROM {table.Name} WHERE sequence = ANY(@sequences)", connection, transaction);
        delete.Parameters.AddWithValue("sequences", sent.Select(r => r.Sequence).ToArray());
        await delete.ExecuteNonQueryAsync(ct);
    }

    private async Task RecordFailureAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, OutboxTable table, Row row, string error, CancellationToken ct)
    {
        var attempts = row.Attempts + 1;
        var park = attempts >= _options.MaxAttempts;
        var delay = TimeSpan.FromSeconds(Math.Min(_options.MaxBackoff.TotalSeconds, Math.Pow(2, attempts)));
        await using var update = new NpgsqlCommand(
            $"""
            UPDATE {table.Name}
            SET attempts = @attempts, last_error = @error, available_at = now() + @delay,
                parked_at = CASE WHEN @park THEN now() END
            WHERE sequence = @sequence
            """, connection, transaction);
        update.Parameters.AddWithValue("attempts", attempts);
        update.Parameters.AddWithValue("error", error.Length > 2000 ? error[..2000] : error);
        update.Parameters.AddWithValue("delay", delay);
        update.Parameters.AddWithValue("park", park);
        update.Parameters.AddWithValue("sequence", row.Sequence);
        await update.ExecuteNonQueryAsync(ct);
        if (park)
        {
            _metrics.ParkedTotal.Add(1);
            LogParked(_logger, row.MessageId, attempts, KindOf(error));
        }
        else
        {
            LogRowFailed(_logger, row.MessageId, attempts, KindOf(error));
        }
    }

    // The exception type or first words only: messages can quote payloads, which must stay out of logs.
    private static string KindOf(string error) => error.Split(':', 2)[0];

    private sealed record Row(long Sequence, Guid MessageId, string MessageType, string? Destination, string Payload, string Headers, int Attempts);

    private sealed record Outcome(string? Error, bool Poison)
    {
        public static readonly Outcome Sent = new(null, false);

        public static Outcome Failed(string error) => new(error, false);

        public static Outcome Broken(string error) => new(error, true);
    }

    private readonly record struct Pass(int Claimed, bool BrokerUnavailable);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox relay: broker unavailable, {Claimed} messages wait; next try in {Seconds} s")]
    private static partial void LogBrokerUnavailable(ILogger logger, int claimed, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox relay pass failed ({ExceptionType}); next try in {Seconds} s")]
    private static partial void LogPassFailed(ILogger logger, string exceptionType, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox relay cannot LISTEN ({ExceptionType}); polling meanwhile")]
    private static partial void LogListenFailed(ILogger logger, string exceptionType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId} failed (attempt {Attempts}, {ErrorKind}); will retry")]
    private static partial void LogRowFailed(ILogger logger, Guid messageId, int attempts, string errorKind);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {MessageId} parked after {Attempts} attempts ({ErrorKind}); see /admin/outbox")]
    private static partial void LogParked(ILogger logger, Guid messageId, int attempts, string errorKind);
}
