namespace IcsComplaints.Reporting.Api.Data;

/// <summary>An event as it arrived: the log the read models are rebuilt from. Append-only.</summary>
public sealed class LoggedEvent
{
    /// <summary>Position in the log.</summary>
    public long Id { get; init; }

    /// <summary>The broker message id.</summary>
    public Guid MessageId { get; init; }

    /// <summary>The contract's full type name.</summary>
    public required string Type { get; init; }

    /// <summary>The event, as JSON.</summary>
    public required string Body { get; init; }

    /// <summary>When it was consumed.</summary>
    public DateTimeOffset ConsumedAt { get; init; }
}
