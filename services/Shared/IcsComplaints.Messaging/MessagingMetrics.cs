using System.Diagnostics.Metrics;
using IcsComplaints.ServiceDefaults;

namespace IcsComplaints.Messaging;

/// <summary>Outbox and inbox metrics, plus the latest backlog figures used by the health check.</summary>
public sealed class MessagingMetrics
{
    /// <summary>Creates the instruments on the project's meter.</summary>
    public MessagingMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(IcsTelemetry.Name);
        Published = meter.CreateCounter<long>("ics.outbox.published", description: "Messages the relay published and RabbitMQ confirmed.");
        PublishFailures = meter.CreateCounter<long>("ics.outbox.publish_failures", description: "Rows whose publish failed and will be retried or parked.");
        ParkedTotal = meter.CreateCounter<long>("ics.outbox.parked_total", description: "Rows parked after too many failed attempts.");
        Duplicates = meter.CreateCounter<long>("ics.inbox.duplicates", description: "Redelivered messages a consumer's inbox dropped.");
        meter.CreateObservableGauge("ics.outbox.pending", () => Pending, description: "Rows waiting to be published.");
        meter.CreateObservableGauge("ics.outbox.parked", () => Parked, description: "Rows parked and waiting for an operator.");
    }

    /// <summary>Published and confirmed.</summary>
    public Counter<long> Published { get; }

    /// <summary>Failed publishes of individual rows.</summary>
    public Counter<long> PublishFailures { get; }

    /// <summary>Rows parked.</summary>
    public Counter<long> ParkedTotal { get; }

    /// <summary>Duplicates dropped by inboxes.</summary>
    public Counter<long> Duplicates { get; }

    /// <summary>Rows waiting, as last counted.</summary>
    public long Pending { get; set; }

    /// <summary>Rows parked, as last counted.</summary>
    public long Parked { get; set; }
}
