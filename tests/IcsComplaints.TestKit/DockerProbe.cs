using System.Net.Sockets;
using DotNet.Testcontainers.Configurations;

namespace IcsComplaints.TestKit;

/// <summary>Asks whether a Docker engine answers, without side effects (no container, no resource reaper).</summary>
public static class DockerProbe
{
    /// <summary>True when <c>GET /_ping</c> on the configured Docker endpoint answers within two seconds.</summary>
    public static async Task<(bool Available, string Detail)> PingAsync()
    {
        var endpoint = TestcontainersSettings.OS.DockerEndpointAuthConfig?.Endpoint
            ?? new Uri(Environment.GetEnvironmentVariable("DOCKER_HOST") ?? "unix:///var/run/docker.sock");
        try
        {
            using var handler = new SocketsHttpHandler();
            Uri baseAddress;
            if (endpoint.Scheme == "unix")
            {
                if (!File.Exists(endpoint.AbsolutePath))
                {
                    return (false, $"{endpoint.AbsolutePath} does not exist");
                }
                handler.ConnectCallback = async (_, ct) =>
                {
                    var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(endpoint.AbsolutePath), ct);
                    return new NetworkStream(socket, ownsSocket: true);
                };
                baseAddress = new Uri("http://docker/");
            }
            else
            {
                baseAddress = new UriBuilder(endpoint) { Scheme = "http" }.Uri;
            }
            using var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(2) };
            using var response = await client.GetAsync(new Uri("/_ping", UriKind.Relative));
            return (response.IsSuccessStatusCode, $"{endpoint} answered {(int)response.StatusCode}");
        }
        catch (Exception ex) when (ex is HttpRequestException or SocketException or TaskCanceledException or IOException)
        {
            return (false, $"{endpoint}: {ex.Message}");
        }
    }
}
