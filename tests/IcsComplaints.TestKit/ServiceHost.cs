using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IcsComplaints.TestKit;

/// <summary>
/// Runs a service or the gateway in the test process on real Kestrel, with its HTTP/1.1 and HTTP/2 (gRPC)
/// endpoints on free loopback ports, so the gateway can proxy to it and gRPC goes over real h2c.
/// </summary>
public sealed class ServiceHost<TEntryPoint> : WebApplicationFactory<TEntryPoint>
    where TEntryPoint : class
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;
    private readonly string _environment;

    /// <summary>Creates the host (in the <c>Testing</c> environment unless told otherwise); call <see cref="Start"/> to run it.</summary>
    public ServiceHost(IDictionary<string, string?> settings, Action<IServiceCollection>? services = null, string environment = "Testing")
    {
        _environment = environment;
        HttpPort = FreePort.Next();
        GrpcPort = FreePort.Next();
        _settings = new Dictionary<string, string?>(settings)
        {
            ["Kestrel:Endpoints:Http:Url"] = $"http://127.0.0.1:{HttpPort}",
            ["Kestrel:Endpoints:Http:Protocols"] = "Http1",
            ["Kestrel:Endpoints:Grpc:Url"] = $"http://127.0.0.1:{GrpcPort}",
            ["Kestrel:Endpoints:Grpc:Protocols"] = "Http2",
        };
        _services = services;
    }

    /// <summary>Adds or replaces a setting before <see cref="Start"/> (for settings that need the host's own address).</summary>
    public ServiceHost<TEntryPoint> With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Port of the HTTP/1.1 endpoint (REST, health).</summary>
    public int HttpPort { get; }

    /// <summary>Port of the HTTP/2 endpoint (gRPC over h2c).</summary>
    public int GrpcPort { get; }

    /// <summary>Address of the HTTP/1.1 endpoint.</summary>
    public Uri HttpAddress => new($"http://127.0.0.1:{HttpPort}");

    /// <summary>Address of the gRPC endpoint.</summary>
    public Uri GrpcAddress => new($"http://127.0.0.1:{GrpcPort}");

    /// <summary>Starts the server on real Kestrel.</summary>
    public ServiceHost<TEntryPoint> Start()
    {
        UseKestrel();
        StartServer();
        return this;
    }

    /// <summary>
    /// Runs the service as a process of its own with these settings and environment, and returns its exit code and
    /// everything it printed, for tests that prove a service refuses to start. In process, a start-up failure races
    /// the test host's disposal and may surface as <see cref="ObjectDisposedException"/> instead of the reason.
    /// </summary>
    public async Task<(int ExitCode, string Output)> RunUntilExitAsync()
    {
        var entryPoint = typeof(TEntryPoint).Assembly.Location;
        var start = new System.Diagnostics.ProcessStartInfo("dotnet", [entryPoint])
        {
            WorkingDirectory = Path.GetDirectoryName(entryPoint)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var variable in start.Environment.Keys.Where(k => k.Contains("__", StringComparison.Ordinal) || k.EndsWith("_ENVIRONMENT", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(variable);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = _environment;
        foreach (var (key, value) in _settings.Where(s => s.Value is not null))
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{Path.GetFileName(entryPoint)} was still running after a minute; it started.");
        }
        return (process.ExitCode, await output + await error);
    }

    /// <summary>A client for the HTTP/1.1 endpoint.</summary>
    public HttpClient CreateHttpClient() => new() { BaseAddress = HttpAddress };

    /// <summary>A client for the HTTP/1.1 endpoint, with a bearer token when given.</summary>
    public HttpClient Http(string? token = null) => HttpClients.WithToken(CreateHttpClient(), token);

    /// <summary>Runs a query against one of the service's databases, in a scope of its own.</summary>
    public async Task<T> QueryAsync<TDbContext, T>(Func<TDbContext, Task<T>> query)
        where TDbContext : notnull
    {
        ArgumentNullException.ThrowIfNull(query);
        // Set for this call only: an async method's changes to an AsyncLocal do not flow back to its caller.
        SentSql.TestsOwnQuery.Value = true;
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<TDbContext>());
    }

    /// <summary>A gRPC channel to the HTTP/2 endpoint.</summary>
    public GrpcChannel CreateGrpcChannel() => GrpcChannel.ForAddress(GrpcAddress);

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(_settings));
        if (_services is not null)
        {
            builder.ConfigureServices(_services);
        }
    }
}
