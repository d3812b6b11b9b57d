using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace IcsComplaints.TestKit;

/// <summary>
/// A loopback TCP proxy that can be cut and restored, to give one service a broker (or database) outage while
/// the real server keeps running for everyone else.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly string _targetHost;
    private readonly int _targetPort;
    private readonly ConcurrentDictionary<TcpClient, byte> _connections = new();
    private TcpListener? _listener;
    private CancellationTokenSource _cts = new();

    /// <summary>Starts forwarding <c>127.0.0.1:Port</c> to the target.</summary>
    public TcpProxy(string targetHost, int targetPort)
    {
        _targetHost = targetHost;
        _targetPort = targetPort;
        Port = FreePort.Next();
        Restore();
    }

    /// <summary>The local port clients connect to.</summary>
    public int Port { get; }

    /// <summary>Refuses new connections and drops every open one.</summary>
    public void Cut()
    {
        _cts.Cancel();
        _listener?.Stop();
        _listener = null;
        foreach (var connection in _connections.Keys)
        {
            connection.Dispose();
        }
        _connections.Clear();
    }

    /// <summary>Accepts connections again.</summary>
    public void Restore()
    {
        _cts = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        _ = AcceptAsync(_listener, _cts.Token);
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(ct);
            }
            catch (Exception) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException)
            {
                return;
            }
            _ = PipeAsync(client, ct);
        }
    }

    private async Task PipeAsync(TcpClient client, CancellationToken ct)
    {
        using var upstream = new TcpClient();
        _connections[client] = 0;
        _connections[upstream] = 0;
        try
        {
            await upstream.ConnectAsync(_targetHost, _targetPort, ct);
            var a = client.GetStream();
            var b = upstream.GetStream();
            await Task.WhenAny(a.CopyToAsync(b, ct), b.CopyToAsync(a, ct));
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // A cut or a closed peer ends the pipe.
        }
        finally
        {
            _connections.TryRemove(client, out _);
            _connections.TryRemove(upstream, out _);
            client.Dispose();
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Cut();
        _cts.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>Waits for eventual consistency by polling, never by sleeping and hoping.</summary>
public static class Eventually
{
    /// <summary>Polls until the condition holds, or fails with the message after the timeout.</summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan timeout, string because)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (await condition())
            {
                return;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0.#} s waiting until {because}.");
            }
            await Task.Delay(100);
        }
    }
}
