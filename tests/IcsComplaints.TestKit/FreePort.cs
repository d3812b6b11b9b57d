using System.Net;
using System.Net.Sockets;

namespace IcsComplaints.TestKit;

/// <summary>
/// Free loopback ports for test servers. A port the kernel hands out for "any port" lies in its ephemeral range,
/// which is also where every outgoing connection (to PostgreSQL, RabbitMQ, another test server) takes its local
/// port: between asking and binding, one of those connections can take it and the server fails to start. So ports
/// are chosen below that range, where nothing is handed out unasked, and never twice in one process.
/// </summary>
public static class FreePort
{
    // Above every port ./ics gives the platform, even with a port offset.
    private const int Lowest = 20000;
    private static readonly HashSet<int> Given = [];
    private static readonly int BelowEphemeral = EphemeralRangeStart();

    /// <summary>A port that was free a moment ago and that no outgoing connection will take.</summary>
    public static int Next()
    {
        lock (Given)
        {
            for (var attempt = 0; attempt < 1000; attempt++)
            {
                var port = Random.Shared.Next(Lowest, BelowEphemeral);
                if (Given.Add(port) && IsFree(port))
                {
                    return port;
                }
            }
        }
        throw new InvalidOperationException($"No free loopback port between {Lowest} and {BelowEphemeral}.");
    }

    private static bool IsFree(int port)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int EphemeralRangeStart()
    {
        // Linux publishes its range; elsewhere the IANA range (49152 and up) is the usual default.
        const string range = "/proc/sys/net/ipv4/ip_local_port_range";
        var start = File.Exists(range) && int.TryParse(File.ReadAllText(range).Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0], out var first)
            ? first
            : 49152;
        return Math.Max(start, Lowest + 1000);
    }
}
