using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using OpenTelemetry;

namespace IcsComplaints.TestKit;

/// <summary>
/// Records, by trace, every SQL statement that changes data, from the spans Npgsql creates for each command. A request
/// sent with its own trace id can then be checked for writes made while it was handled, however many other requests,
/// relays and consumers run at the same time.
/// </summary>
public sealed partial class DatabaseWriteLog : BaseProcessor<Activity>
{
    private readonly ConcurrentDictionary<ActivityTraceId, ConcurrentQueue<string>> _writes = new();

    public override void OnEnd(Activity data)
    {
        if (data.GetTagItem("db.query.text") is string sql && Write().IsMatch(sql))
        {
            _writes.GetOrAdd(data.TraceId, _ => new ConcurrentQueue<string>()).Enqueue(sql);
        }
    }

    /// <summary>The writing statements of one trace.</summary>
    public IReadOnlyList<string> Of(ActivityTraceId trace) => _writes.TryGetValue(trace, out var writes) ? [.. writes] : [];

    [GeneratedRegex(@"(^|;)\s*(INSERT|UPDATE|DELETE|MERGE|TRUNCATE|ALTER|CREATE|DROP|COPY)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Write();
}
