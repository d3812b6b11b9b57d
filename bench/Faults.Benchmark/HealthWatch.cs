using System.Text.Json;

namespace IcsComplaints.Bench.Faults;

/// <summary>One reading of a service's readiness: Healthy, Degraded, Unhealthy or Unreachable.</summary>
public sealed record HealthSample(DateTimeOffset At, string Service, string Status);

/// <summary>
/// Reads every service's <c>/health/ready</c> (ServiceDefaults: the database and broker checks beside the process's
/// own) twice a second for the whole run, so each fault's window can be held against what the services said.
/// </summary>
public sealed class HealthWatch(StackSettings stack) : IDisposable
{
    private readonly List<HealthSample> _samples = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(2) };
    private Task? _watching;

    public void Start() => _watching = Task.Run(WatchAsync);

    public void Dispose()
    {
        _stopping.Dispose();
        _http.Dispose();
    }

    public async Task StopAsync()
    {
        await _stopping.CancelAsync();
        if (_watching is not null)
        {
            await _watching;
        }
    }

    /// <summary>The statuses a service reported between two moments.</summary>
    public IReadOnlyList<string> Between(string service, DateTimeOffset from, DateTimeOffset to)
    {
        lock (_samples)
        {
            return _samples.Where(s => s.Service == service && s.At >= from && s.At <= to).Select(s => s.Status).ToList();
        }
    }

    /// <summary>
    /// From when, after a moment, the service reported the status it had before any fault (Healthy, normally) and
    /// kept doing so; null if it never did.
    /// </summary>
    public DateTimeOffset? BackToNormalFrom(string service, string normal, DateTimeOffset after)
    {
        lock (_samples)
        {
            var later = _samples.Where(s => s.Service == service && s.At >= after).ToList();
            var lastUnwell = later.FindLastIndex(s => s.Status != normal);
            return lastUnwell == later.Count - 1 ? null : later[lastUnwell + 1].At;
        }
    }

    private async Task WatchAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token))
            {
                var readings = await Task.WhenAll(stack.Services.Select(ReadAsync));
                lock (_samples)
                {
                    _samples.AddRange(readings);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The run is over.
        }
    }

    private async Task<HealthSample> ReadAsync(StackService service)
    {
        string status;
        try
        {
            // 200 for Healthy and Degraded, 503 for Unhealthy: the body says which.
            using var response = await _http.GetAsync(new Uri(service.Address, "health/ready"), _stopping.Token);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(_stopping.Token));
            status = body.RootElement.GetProperty("status").GetString() ?? "Unreachable";
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or KeyNotFoundException
            || (ex is TaskCanceledException && !_stopping.IsCancellationRequested))
        {
            status = "Unreachable";
        }
        return new HealthSample(DateTimeOffset.UtcNow, service.Name, status);
    }
}
