using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using IcsComplaints.Bench.Common;

namespace IcsComplaints.Bench.Intake;

/// <summary>One request's fate: its HTTP status (0 when none came back), how long it took, and what was recorded.</summary>
/// <param name="Status">HTTP status, or 0 for a timeout or a broken connection.</param>
/// <param name="Milliseconds">From when it was meant to be sent (open loop) or was sent (closed loop) to the answer.</param>
internal readonly record struct Outcome(int Status, double Milliseconds);

/// <summary>A complaint intake accepted: the identifier and reference it answered with, and when the answer came.</summary>
/// <param name="Id">The complaint's identifier.</param>
/// <param name="Reference">Its reference.</param>
/// <param name="AnsweredAt">Stopwatch timestamp of the 2xx answer: where the lag downstream is counted from.</param>
internal readonly record struct Accepted(Guid Id, string Reference, long AnsweredAt);

/// <summary>
/// POST /api/v1/complaints at one address (intake's own port, or the gateway's), each request with a fresh
/// Idempotency-Key and the bearer token of the user or client recording it. Every 2xx answer is kept for the
/// accounting afterwards.
/// </summary>
internal sealed class IntakeTarget : IDisposable
{
    private readonly HttpClient _http;
    private readonly DemoTokens _tokens;
    private readonly ConcurrentQueue<Accepted> _accepted;
    private readonly ConcurrentDictionary<int, string> _firstErrorByStatus = new();
    private int _unanswered;

    public IntakeTarget(string name, Uri address, DemoTokens tokens, ConcurrentQueue<Accepted> accepted)
    {
        Name = name;
        _tokens = tokens;
        _accepted = accepted;
        // No limit on connections: an open-loop request must never queue inside the client for a free connection,
        // or the client's queue would hide the server's.
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan, MaxConnectionsPerServer = int.MaxValue })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromSeconds(15),
        };
    }

    public string Name { get; }

    /// <summary>Requests that timed out or lost their connection: intake may still have recorded them.</summary>
    public int Unanswered => _unanswered;

    /// <summary>The first answer of each failing status, to say why requests failed.</summary>
    public IReadOnlyDictionary<int, string> FirstErrorByStatus => _firstErrorByStatus;

    /// <summary>Sends one complaint; <paramref name="since"/> is the Stopwatch timestamp latency is counted from.</summary>
    public async Task<Outcome> SubmitAsync((Submitter Submitter, string Json) complaint, long since)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/complaints")
        {
            Content = new StringContent(complaint.Json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = await _tokens.ForAsync(complaint.Submitter.Name, CancellationToken.None);
        request.Headers.Add("Idempotency-Key", "bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var response = await _http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var answeredAt = Stopwatch.GetTimestamp();
            var milliseconds = Stopwatch.GetElapsedTime(since, answeredAt).TotalMilliseconds;
            if (response.IsSuccessStatusCode)
            {
                using var json = JsonDocument.Parse(text);
                _accepted.Enqueue(new Accepted(json.RootElement.GetProperty("id").GetGuid(), json.RootElement.GetProperty("reference").GetString()!, answeredAt));
            }
            else
            {
                _firstErrorByStatus.TryAdd((int)response.StatusCode, text.Length > 300 ? text[..300] : text);
            }
            return new Outcome((int)response.StatusCode, milliseconds);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            Interlocked.Increment(ref _unanswered);
            _firstErrorByStatus.TryAdd(0, e.GetType().Name + ": " + e.Message);
            return new Outcome(0, Stopwatch.GetElapsedTime(since).TotalMilliseconds);
        }
    }

    public void Dispose() => _http.Dispose();
}
