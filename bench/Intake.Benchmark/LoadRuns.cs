using System.Diagnostics;

namespace IcsComplaints.Bench.Intake;

/// <summary>What one load run saw.</summary>
/// <param name="Target">Where it sent (direct or gateway).</param>
/// <param name="Load">How: closed loop at N connections, or open loop at R a second.</param>
/// <param name="Offered">Requests a second offered (open loop), or null.</param>
/// <param name="Sent">Requests sent.</param>
/// <param name="Succeeded">2xx answers.</param>
/// <param name="Errors">Everything else: other statuses, timeouts, broken connections.</param>
/// <param name="Seconds">From the first request to the last answer.</param>
/// <param name="Latencies">Every request's latency in milliseconds, sorted.</param>
internal sealed record LoadResult(string Target, string Load, int? Offered, int Sent, int Succeeded, int Errors, double Seconds, double[] Latencies)
{
    public double Achieved => Succeeded / Seconds;

    public double Percentile(double q) => Percentiles.Of(Latencies, q);
}

/// <summary>The nearest-rank percentile of sorted values (NaN when there are none).</summary>
internal static class Percentiles
{
    public static double Of(double[] sorted, double q) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, Math.Max(0, (int)Math.Ceiling(q * sorted.Length) - 1))];
}

/// <summary>The two ways of driving intake.</summary>
internal static class LoadRuns
{
    /// <summary>
    /// Closed loop: <paramref name="connections"/> clients each send a complaint, wait for the answer and send the
    /// next, for the given time. Measures the most the target accepts a second; its latencies are not the ones a
    /// user would see at a given rate (a slow answer delays the next request).
    /// </summary>
    public static async Task<LoadResult> ClosedLoopAsync(IntakeTarget target, ComplaintBodies bodies, int connections, TimeSpan duration)
    {
        var start = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            var outcomes = new List<Outcome>();
            while (Stopwatch.GetElapsedTime(start) < duration)
            {
                outcomes.Add(await target.SubmitAsync(bodies.Next(), Stopwatch.GetTimestamp()));
            }
            return outcomes;
        })).ToList();
        var all = (await Task.WhenAll(workers)).SelectMany(o => o).ToList();
        return Summarise(target.Name, $"closed loop, {connections} connections", null, all, Stopwatch.GetElapsedTime(start));
    }

    /// <summary>
    /// Open loop: a request every 1/<paramref name="rate"/> seconds on a fixed schedule, sent whether or not earlier
    /// ones have been answered, each request's latency counted from when the schedule said to send it. A server that
    /// falls behind therefore shows its queue in the latencies instead of slowing the client down (no coordinated
    /// omission).
    /// </summary>
    public static async Task<LoadResult> OpenLoopAsync(IntakeTarget target, ComplaintBodies bodies, int rate, TimeSpan duration)
    {
        var total = (int)(rate * duration.TotalSeconds);
        var ticksPerRequest = (double)Stopwatch.Frequency / rate;
        var start = Stopwatch.GetTimestamp();
        var requests = new List<Task<Outcome>>(total);
        for (var i = 0; i < total; i++)
        {
            var due = start + (long)(i * ticksPerRequest);
            var early = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (early > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(early);
            }
            var complaint = bodies.Next();
            requests.Add(Task.Run(() => target.SubmitAsync(complaint, due)));
        }
        var all = await Task.WhenAll(requests);
        return Summarise(target.Name, $"open loop, {rate}/s offered", rate, all, Stopwatch.GetElapsedTime(start));
    }

    private static LoadResult Summarise(string target, string load, int? offered, IReadOnlyCollection<Outcome> outcomes, TimeSpan elapsed)
    {
        var latencies = outcomes.Select(o => o.Milliseconds).Order().ToArray();
        var succeeded = outcomes.Count(o => o.Status is >= 200 and < 300);
        return new LoadResult(target, load, offered, outcomes.Count, succeeded, outcomes.Count - succeeded, elapsed.TotalSeconds, latencies);
    }
}
