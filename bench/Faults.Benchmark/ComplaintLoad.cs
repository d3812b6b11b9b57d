using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using IcsComplaints.Bench.Common;

namespace IcsComplaints.Bench.Faults;

/// <summary>One answer (or failure to get one) the client had to one request.</summary>
/// <param name="At">When it came.</param>
/// <param name="Phase">What the suite was doing to the stack meanwhile.</param>
/// <param name="Outcome">The status code, or <c>connection failed</c> / <c>timed out</c>.</param>
/// <param name="RetryAfter">Whether the answer said when to retry.</param>
public sealed record Attempt(DateTimeOffset At, string Phase, string Outcome, bool RetryAfter);

/// <summary>A complaint the client set out to record, and what became of it.</summary>
public sealed class SubmittedComplaint(PlannedComplaint planned, string phase)
{
    private readonly HashSet<Guid> _answeredIds = [];

    public PlannedComplaint Planned { get; } = planned;

    public string Phase { get; } = phase;

    public DateTimeOffset? AcceptedAt { get; private set; }

    public Guid? ComplaintId { get; private set; }

    /// <summary>The final status code, <c>no answer</c> when the client gave up, or null while it is still trying.</summary>
    public string? Final { get; private set; }

    /// <summary>Different complaint ids answered for the one key: a duplicate the client could see.</summary>
    public int DistinctIdsAnswered
    {
        get
        {
            lock (_answeredIds)
            {
                return _answeredIds.Count;
            }
        }
    }

    public void Accepted(Guid id, int status)
    {
        lock (_answeredIds)
        {
            _answeredIds.Add(id);
            ComplaintId ??= id;
            AcceptedAt ??= DateTimeOffset.UtcNow;
            Final = status.ToString(CultureInfo.InvariantCulture);
        }
    }

    public void Ended(string outcome) => Final = outcome;
}

/// <summary>
/// A steady, open stream of complaints through the gateway (a new one every 1/rate seconds however the earlier ones
/// fare), each sent by a well-behaved client: with its Idempotency-Key, again with the same key and body after a 5xx,
/// a 429, a dropped connection or a timeout, waiting as Retry-After says (or backing off), until it has an answer or three
/// minutes have passed.
/// </summary>
public sealed class ComplaintLoad(HttpClient gateway, DemoTokens tokens, VariedComplaints complaints, double perSecond) : IDisposable
{
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(3);
    private readonly ConcurrentQueue<SubmittedComplaint> _submitted = new();
    private readonly ConcurrentQueue<Attempt> _attempts = new();
    private readonly ConcurrentBag<Task> _inFlight = [];
    private readonly CancellationTokenSource _stopping = new();
    private Task? _dispatch;

    /// <summary>What the suite is doing now; each complaint and each answer is filed under it.</summary>
    public string Phase { get; set; } = "steady";

    public IReadOnlyCollection<SubmittedComplaint> Submitted => _submitted;

    public IReadOnlyCollection<Attempt> Attempts => _attempts;

    public void Start() => _dispatch = Task.Run(DispatchAsync);

    public void Dispose() => _stopping.Dispose();

    /// <summary>Stops sending new complaints and waits for every one in flight to be answered or given up.</summary>
    public async Task StopAsync()
    {
        await _stopping.CancelAsync();
        if (_dispatch is not null)
        {
            await _dispatch;
        }
        await Task.WhenAll(_inFlight);
    }

    private async Task DispatchAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1 / perSecond));
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token))
            {
                var complaint = new SubmittedComplaint(complaints.Next(), Phase);
                _submitted.Enqueue(complaint);
                _inFlight.Add(Task.Run(() => SubmitAsync(complaint)));
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped: complaints already sent carry on until answered.
        }
    }

    private async Task SubmitAsync(SubmittedComplaint complaint)
    {
        var started = DateTimeOffset.UtcNow;
        var backoff = TimeSpan.FromMilliseconds(250);
        while (true)
        {
            TimeSpan? wait = null;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/v1/complaints", UriKind.Relative))
                {
                    Content = new StringContent(complaint.Planned.Body, Encoding.UTF8, "application/json"),
                };
                request.Headers.Add("Idempotency-Key", complaint.Planned.IdempotencyKey);
                using var timeout = new CancellationTokenSource(AttemptTimeout);
                request.Headers.Authorization = await tokens.ForAsync(complaint.Planned.User, timeout.Token);
                using var response = await gateway.SendAsync(request, timeout.Token);
                var status = (int)response.StatusCode;
                var retryAfter = response.Headers.RetryAfter?.Delta;
                Record(status.ToString(CultureInfo.InvariantCulture), retryAfter is not null);
                if (response.IsSuccessStatusCode)
                {
                    using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(timeout.Token));
                    complaint.Accepted(body.RootElement.GetProperty("id").GetGuid(), status);
                    return;
                }
                if (response.StatusCode == HttpStatusCode.Unauthorized)
                {
                    tokens.Forget(complaint.Planned.User);
                }
                else if (status < 500 && response.StatusCode != HttpStatusCode.TooManyRequests)
                {
                    // A refusal of the complaint itself: retrying the same body would be refused again.
                    complaint.Ended(status.ToString(CultureInfo.InvariantCulture));
                    return;
                }
                wait = retryAfter;
            }
            catch (HttpRequestException)
            {
                Record("connection failed", false);
            }
            catch (OperationCanceledException)
            {
                Record("timed out", false);
            }
            if (DateTimeOffset.UtcNow - started > GiveUpAfter)
            {
                complaint.Ended("no answer");
                return;
            }
            // Retry-After as the server asks (capped, so one long hint does not outlast the run), else back off.
            await Task.Delay(wait is { } asked ? TimeSpan.FromSeconds(Math.Min(asked.TotalSeconds, 10)) : backoff);
            backoff = TimeSpan.FromMilliseconds(Math.Min(backoff.TotalMilliseconds * 2, 2000));
        }

        void Record(string outcome, bool retryAfter) => _attempts.Enqueue(new Attempt(DateTimeOffset.UtcNow, complaint.Phase, outcome, retryAfter));
    }
}
