namespace IcsComplaints.Messaging;

/// <summary>Header names the project adds to messages.</summary>
public static class MessageHeaders
{
    /// <summary>The correlation id of the unit of work that produced the message.</summary>
    public const string CorrelationId = "X-Correlation-Id";

    /// <summary>W3C trace context of the producer, so the relay's publish joins the producer's trace.</summary>
    public const string TraceParent = "traceparent";

    /// <summary>W3C trace state, when present.</summary>
    public const string TraceState = "tracestate";

    /// <summary>How many times the message has been redelivered after its immediate retries failed.</summary>
    public const string RedeliveryCount = "ics-redelivery-count";
}
