using System.Diagnostics.Metrics;
using IcsComplaints.ServiceDefaults;

namespace IcsComplaints.Case.Api.Features.WatchDeadlines;

/// <summary>
/// <c>ics.case.deadlines</c>: the deadlines of open cases due within the warning window and those already missed, per
/// organisation, as the last complete deadline scan found them. Labelled by organisation code and state only, so no
/// case or person can be told from it. A scrape reads the last scan's figures; it never queries the database.
/// </summary>
public sealed class DeadlineMetrics
{
    /// <summary>State of a deadline due within <see cref="DeadlineScanOptions.DueSoonWorkingDays"/>.</summary>
    public const string DueSoon = "due_soon";

    /// <summary>State of a deadline passed without being met.</summary>
    public const string Missed = "missed";

    private static readonly string[] States = [DueSoon, Missed];

    private readonly Lock _gate = new();
    private Dictionary<(string Organisation, string State), long> _counts = [];

    /// <summary>Creates the gauge on the project's meter.</summary>
    public DeadlineMetrics(IMeterFactory meterFactory)
    {
        meterFactory.Create(IcsTelemetry.Name).CreateObservableGauge("ics.case.deadlines", Observe,
            description: "Deadlines of open cases due soon or missed, per organisation, at the last deadline scan.");
    }

    /// <summary>Replaces the figures with a complete scan's. An organisation seen before and absent now reads 0, not nothing.</summary>
    public void Replace(IReadOnlyDictionary<(string Organisation, string State), long> counts)
    {
        lock (_gate)
        {
            var next = _counts.Keys.Select(k => k.Organisation).Concat(counts.Keys.Select(k => k.Organisation)).Distinct(StringComparer.Ordinal)
                .SelectMany(o => States.Select(s => (o, s)))
                .ToDictionary(k => k, k => counts.GetValueOrDefault(k));
            _counts = next;
        }
    }

    private IEnumerable<Measurement<long>> Observe()
    {
        lock (_gate)
        {
            return _counts.Select(c => new Measurement<long>(c.Value,
                new KeyValuePair<string, object?>("organisation", c.Key.Organisation), new KeyValuePair<string, object?>("state", c.Key.State))).ToList();
        }
    }
}
