namespace IcsComplaints.Messaging;

/// <summary>Messaging settings of a service (configuration section <c>Messaging</c>).</summary>
public sealed class MessagingOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Messaging";

    /// <summary>Name of the consuming service; every queue name starts with it (<c>case-complaint-submitted</c>).</summary>
    public string ServiceName { get; set; } = "";

    /// <summary>Name of the connection string holding the AMQP URI of RabbitMQ.</summary>
    public string ConnectionName { get; set; } = "rabbitmq";

    /// <summary>The outbox relay.</summary>
    public OutboxRelayOptions Relay { get; set; } = new();

    /// <summary>Immediate retries of a failing consumer, with exponential backoff.</summary>
    public int ImmediateRetries { get; set; } = 4;

    /// <summary>Redelivery delays used when configuration gives none.</summary>
    public static readonly TimeSpan[] DefaultRedeliveryDelays = [TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10)];

    /// <summary>
    /// Delays before each redelivery once immediate retries are spent (default 30 s, 2 min, 10 min). Redeliveries
    /// go back through the outbox, so they survive restarts. When all are spent the message moves to the queue's
    /// <c>_error</c> queue.
    /// </summary>
    /// <remarks>Empty by default because configuration binding appends to an array rather than replacing it.</remarks>
    public TimeSpan[] RedeliveryDelays { get; set; } = [];

    /// <summary>How long inbox entries are kept to recognise a redelivered message.</summary>
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(14);
}

/// <summary>Settings of the outbox relay.</summary>
public sealed class OutboxRelayOptions
{
    /// <summary>Whether this instance runs the relay (several replicas may all run it safely).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Rows claimed and published concurrently per pass.</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>Longest wait between passes when no notification arrives.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Time allowed for one batch of publishes, confirms included.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Failed attempts after which a row is parked and left for an operator.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>Longest backoff before a failing row is tried again.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Longest wait between passes while the broker or the database is away. Short, because a pass that finds either
    /// still away costs one refused connection, and the backlog should move within seconds of their return (ADR 47).
    /// </summary>
    public TimeSpan MaxOutageBackoff { get; set; } = TimeSpan.FromSeconds(2);
}
