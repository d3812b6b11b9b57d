using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using IcsComplaints.Platform.Correlation;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.Messaging.Outbox;

/// <summary>
/// Puts messages in the outbox of the current unit of work. Nothing leaves until the caller's
/// <c>SaveChangesAsync</c> commits, and then the relay delivers it, however long the broker is away.
/// </summary>
public interface IOutbox
{
    /// <summary>Publishes an event to every subscriber once the unit of work commits.</summary>
    void Publish<T>(T message)
        where T : class;

    /// <summary>Sends a message to one queue, not before <paramref name="notBefore"/>.</summary>
    void Send<T>(Uri destination, T message, Guid messageId, DateTimeOffset? notBefore, IReadOnlyDictionary<string, string>? headers = null)
        where T : class;
}

/// <summary>The outbox backed by the service's own <typeparamref name="TDbContext"/>.</summary>
public sealed class EfOutbox<TDbContext>(TDbContext db) : IOutbox
    where TDbContext : DbContext
{
    /// <inheritdoc />
    public void Publish<T>(T message)
        where T : class => Add(message, typeof(T), null, Guid.NewGuid(), null, null);

    /// <inheritdoc />
    public void Send<T>(Uri destination, T message, Guid messageId, DateTimeOffset? notBefore, IReadOnlyDictionary<string, string>? headers = null)
        where T : class => Add(message, typeof(T), destination.ToString(), messageId, notBefore, headers);

    private void Add(object message, Type type, string? destination, Guid messageId, DateTimeOffset? notBefore, IReadOnlyDictionary<string, string>? extraHeaders)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        if (CorrelationContext.CorrelationId is { } correlationId)
        {
            headers[MessageHeaders.CorrelationId] = correlationId;
        }
        if (Activity.Current is { } activity)
        {
            headers[MessageHeaders.TraceParent] = activity.Id!;
            if (activity.TraceStateString is { } state)
            {
                headers[MessageHeaders.TraceState] = state;
            }
        }
        foreach (var (key, value) in extraHeaders ?? new Dictionary<string, string>())
        {
            headers[key] = value;
        }

        db.Set<OutboxMessage>().Add(new OutboxMessage
        {
            MessageId = messageId,
            MessageType = MessageTypes.NameOf(type),
            Destination = destination,
            Payload = JsonSerializer.Serialize(message, type, MessageTypes.JsonOptions),
            Headers = JsonSerializer.Serialize(headers, MessageTypes.JsonOptions),
            AvailableAt = notBefore,
        });
    }
}

/// <summary>How message types and payloads are written to and read from the outbox.</summary>
public static class MessageTypes
{
    private static readonly ConcurrentDictionary<string, Type?> Resolved = new(StringComparer.Ordinal);

    /// <summary>JSON settings of outbox payloads.</summary>
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The stored name of a type: full name and assembly, without version, so upgrades keep resolving.</summary>
    public static string NameOf(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    /// <summary>Finds the type for a stored name, or <c>null</c> when this build no longer has it.</summary>
    public static Type? Resolve(string name) => Resolved.GetOrAdd(name, static n => Type.GetType(n, throwOnError: false));
}
