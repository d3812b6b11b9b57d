namespace IcsComplaints.Messaging.Outbox;

/// <summary>
/// A message waiting to leave the service, written in the same transaction as the change it describes.
/// The relay publishes it (or sends it to <see cref="Destination"/>) and deletes the row once RabbitMQ confirms.
/// </summary>
public sealed class OutboxMessage
{
    /// <summary>Insertion order; the relay publishes in this order, batch by batch.</summary>
    public long Sequence { get; set; }

    /// <summary>The MassTransit MessageId, stable across re-sends so consumers can de-duplicate.</summary>
    public Guid MessageId { get; set; }

    /// <summary>CLR type of the message, <c>Namespace.Type, Assembly</c>.</summary>
    public string MessageType { get; set; } = "";

    /// <summary>Queue address to send to; <c>null</c> publishes to every subscriber.</summary>
    public string? Destination { get; set; }

    /// <summary>The message as JSON.</summary>
    public string Payload { get; set; } = "";

    /// <summary>Headers as JSON: correlation id, trace context, redelivery count.</summary>
    public string Headers { get; set; } = "{}";

    /// <summary>When the row was written (database clock).</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Not before this time (redelivery delays, backoff after a failure); <c>null</c> means now.</summary>
    public DateTimeOffset? AvailableAt { get; set; }

    /// <summary>Failed publish attempts so far.</summary>
    public int Attempts { get; set; }

    /// <summary>Type and message of the last failure, without message content.</summary>
    public string? LastError { get; set; }

    /// <summary>Set when the row has failed too often and waits for an operator.</summary>
    public DateTimeOffset? ParkedAt { get; set; }
}

/// <summary>A message a consumer has already handled, kept to make redeliveries harmless.</summary>
public sealed class InboxMessage
{
    /// <summary>The MassTransit MessageId.</summary>
    public Guid MessageId { get; set; }

    /// <summary>The consumer that handled it (several consumers may handle one message).</summary>
    public string Consumer { get; set; } = "";

    /// <summary>When it was handled.</summary>
    public DateTimeOffset ReceivedAt { get; set; }
}
