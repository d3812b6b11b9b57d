using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace IcsComplaints.TestKit;

/// <summary>
/// Every host the test process looks up by name, sends an HTTP request to or opens a TCP connection to, from the
/// moment it is created: the runtime's own networking events (<c>System.Net.NameResolution</c>, <c>System.Net.Http</c>,
/// <c>System.Net.Sockets</c>), so a call made by a library the services use is seen as well as one made by their own
/// code, and so is a connection to an address that no name led to. Only hosts are kept, never paths or ports.
/// </summary>
public sealed partial class OutboundCalls : EventListener
{
    private readonly ConcurrentDictionary<string, int> _hosts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The hosts seen so far, with how often each was seen.</summary>
    public IReadOnlyDictionary<string, int> Hosts => _hosts;

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name is "System.Net.NameResolution" or "System.Net.Http" or "System.Net.Sockets")
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
            ("System.Net.Sockets", "ConnectStart") => AddressOf(Payload(eventData, "address")),
            _ => null,
        };
        if (!string.IsNullOrEmpty(host))
        {
            _hosts.AddOrUpdate(host.Trim('[', ']'), 1, (_, seen) => seen + 1);
        }
    }

    /// <summary>The address as <see cref="NoCallsHome.AssertOnlyConfiguredHostsCalled"/> compares it: an IPv4 address mapped into IPv6 as itself.</summary>
    public static string Normalised(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
    }

    // The sockets' event gives the socket address as "InterNetwork:16:{0,25,127,0,0,1,0,...}": the family, the size,
    // and the bytes after the family (port, then the IPv4 address; or port, flow information, then the IPv6 address).
    // A Unix domain socket stays on the machine and is not counted; an address in a form not read here is kept as it
    // came, so that it fails the check rather than passing unseen.
    private static string? AddressOf(string? socketAddress)
    {
        if (socketAddress is null)
        {
            return null;
        }
        if (SocketAddressText().Match(socketAddress) is not { Success: true } match)
        {
            return socketAddress;
        }
        var bytes = match.Groups["bytes"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(b => byte.Parse(b, CultureInfo.InvariantCulture)).ToArray();
        return match.Groups["family"].Value switch
        {
            nameof(AddressFamily.InterNetwork) when bytes.Length >= 6 => Normalised(new IPAddress(bytes.AsSpan(2, 4))),
            nameof(AddressFamily.InterNetworkV6) when bytes.Length >= 22 => Normalised(new IPAddress(bytes.AsSpan(6, 16))),
            nameof(AddressFamily.Unix) => null,
            _ => socketAddress,
        };
    }

    [GeneratedRegex(@"^(?<family>\w+):\d+:\{(?<bytes>[\d,]*)\}$")]
    private static partial Regex SocketAddressText();

    private static string? Payload(EventWrittenEventArgs eventData, string name)
    {
        var index = eventData.PayloadNames?.IndexOf(name) ?? -1;
        return index >= 0 ? eventData.Payload?[index] as string : null;
    }
}
