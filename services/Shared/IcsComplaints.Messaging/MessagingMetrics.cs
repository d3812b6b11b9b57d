using System.Diagnostics.Metrics;
using IcsComplaints.ServiceDefaults;

namespace IcsComplaints.Messaging;

/// <summary>
/// Outbox and inbox metrics, plus the latest backlog figures used by the health check. The backlog gauges read figures
/// the maintenance loop counts every few seconds, so a scrape never queries the database.
/// </summary>
public sealed class MessagingMetrics
{
    /// <summary>The tag naming a consumer (its class name): one series per consumer, never per message.</summary>
    public const string ConsumerTag = "consumer";

    // From a message handled at once to one that waited out every redelivery delay or an hour-long outage.
    private static readonly double[] LagBuckets = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600];

    private readonly TimeProvider _time;

    /// <summary>Creates the instruments on the project's meter.</summary>
    public MessagingMetrics(IMeterFactory meterFactory, TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        var meter = meterFactory.Create(IcsTelemetry.Name);
        Published = meter.CreateCounter<long>("ics.outbox.published", description: "Messages the relay published and RabbitMQ confirmed.");
        PublishFailures = meter.CreateCounter<long>("ics.outbox.publish_failures", description: "Rows whose publish failed and will be retried or parked.");
        ParkedTotal = meter.CreateCounter<long>("ics.outbox.parked_total", description: "Rows parked after too many failed attempts.");
        Duplicates = meter.CreateCounter<long>("ics.inbox.duplicates", description: "Redelivered messages a consumer's inbox dropped.");
        Consumed = meter.CreateCounter<long>("ics.inbox.consumed", description: "Messages a consumer handled and committed, by consumer.");
        ConsumeLag = meter.CreateHistogram("ics.inbox.lag", unit: "s",
            description: "Seconds from a message being sent to its consumer committing its effect, by consumer.",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LagBuckets });
        InProgress = meter.CreateUpDownCounter<long>("ics.inbox.in_progress", description: "Messages a consumer has taken and not yet finished, by consumer.");
        meter.CreateObservableGauge("ics.outbox.pending", () => Pending, description: "Rows waiting to be published.");
        meter.CreateObservableGauge("ics.outbox.parked", () => Parked, description: "Rows parked and waiting for an operator.");
        meter.CreateObservableGauge("ics.outbox.oldest_age", () => OldestPendingAge, unit: "s",
            description: "Seconds the oldest row due for publishing has waited; 0 when none is due.");
    }

    /// <summary>Published and confirmed.</summary>
    public Counter<long> Published { get; }

    /// <summary>Failed publishes of individual rows.</summary>
    public Counter<long> PublishFailures { get; }

    /// <summary>Rows parked.</summary>
    public Counter<long> ParkedTotal { get; }

    /// <summary>Duplicates dropped by inboxes.</summary>
    public Counter<long> Duplicates { get; }

    /// <summary>Messages handled and committed, tagged with <see cref="ConsumerTag"/>.</summary>
    public Counter<long> Consumed { get; }

    /// <summary>Time from send to committed effect, tagged with <see cref="ConsumerTag"/>.</summary>
    public Histogram<double> ConsumeLag { get; }

    /// <summary>Messages being handled, tagged with <see cref="ConsumerTag"/>: stays above 0 while a consumer is stuck.</summary>
    public UpDownCounter<long> InProgress { get; }

    /// <summary>Rows waiting, as last counted.</summary>
    public long Pending { get; set; }

    /// <summary>Rows parked, as last counted.</summary>
    public long Parked { get; set; }

    /// <summary>When the oldest row due for publishing was written, as last read; null when none is due.</summary>
    public DateTimeOffset? OldestPendingSince { get; set; }

    /// <summary>The age of the oldest row due, now, from the last reading.</summary>
    public double OldestPendingAge =>
        OldestPendingSince is { } since ? Math.Max(0, (_time.GetUtcNow() - since).TotalSeconds) : 0;
}
