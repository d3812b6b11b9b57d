using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace IcsComplaints.TestKit;

/// <summary>
/// Every host the test process looks up by name or sends an HTTP request to, from the moment it is created: the
/// runtime's own networking events (<c>System.Net.NameResolution</c>, <c>System.Net.Http</c>), so a call made by a
/// library the services use is seen as well as one made by their own code. Only host names are kept, never paths.
/// </summary>
public sealed class OutboundCalls : EventListener
{
    private readonly ConcurrentDictionary<string, int> _hosts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The hosts seen so far, with how often each was seen.</summary>
    public IReadOnlyDictionary<string, int> Hosts => _hosts;

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name is "System.Net.NameResolution" or "System.Net.Http")
        {
            EnableEvents(eventSource, EventLevel.Informational, EventKeywords.All);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        var host = (eventData.EventSource.Name, eventData.EventName) switch
        {
            ("System.Net.NameResolution", "ResolutionStart") => Payload(eventData, "hostNameOrAddress"),
            ("System.Net.Http", "RequestStart") => Payload(eventData, "host"),
            _ => null,
        };
        if (!string.IsNullOrEmpty(host))
        {
            _hosts.AddOrUpdate(host.Trim('[', ']'), 1, (_, seen) => seen + 1);
        }
    }

    private static string? Payload(EventWrittenEventArgs eventData, string name)
    {
        var index = eventData.PayloadNames?.IndexOf(name) ?? -1;
        return index >= 0 ? eventData.Payload?[index] as string : null;
    }
}
