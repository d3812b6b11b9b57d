using System.Diagnostics;
using System.Net.Http.Headers;
using IcsComplaints.Bench.Common;
using IcsComplaints.TestKit;

namespace IcsComplaints.Bench.Intake;

/// <summary>
/// ./ics bench lifecycle: with 2,300,000 complaints stored (StoredComplaints; --stored to change it), complaints taken
/// through their whole life at once (Lifecycles) for a while through the gateway — lifecycles a second — and then, at
/// that size and through the gateway over HTTP, the dashboards an ICB reads and a year's KO41 return of one
/// organisation: p50 and p95. The issue's targets (IssueTargets.Lifecycle) are printed beside the figures at the end.
/// </summary>
internal static class LifecycleRun
{
    public static async Task RunAsync(StackSettings settings)
    {
        var target = settings.Number("--stored", 2_300_000);
        var concurrency = settings.Number("--concurrency", 16);
        var seconds = settings.Number("--seconds", 60);
        var runs = settings.Number("--runs", 50);

        Console.WriteLine(FormattableString.Invariant($"# Lifecycle benchmark ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, stack under {settings.State})"));
        Console.WriteLine();
        Console.WriteLine(StoreRun.Describe(await settings.Stored.TopUpAsync(target)));
        Console.WriteLine();

        var infrastructure = new TestInfrastructure();
        await infrastructure.InitializeAsync();
        var parts = StackProcesses.Find(settings.State);
        using var gateway = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan, MaxConnectionsPerServer = int.MaxValue })
        {
            BaseAddress = settings.Gateway,
            Timeout = TimeSpan.FromSeconds(30),
        };
        using var tokens = new DemoTokens(gateway, settings.DemoPassword);
        var lifecycles = new Lifecycles(gateway, tokens, settings.Runtime["reportingdb"]);

        // Warm-up, not counted: one lifecycle per provider, one after another, which also checks every step answers.
        foreach (var provider in Lifecycles.Providers)
        {
            await lifecycles.RunAsync(provider, CancellationToken.None);
        }
        var statementsBefore = await StatementProfile.SnapshotAsync(infrastructure.PostgresAdmin);
        var cpuBefore = StackProcesses.Measure(parts, memory: false).Sum(p => p.CpuSeconds);
        Console.Error.WriteLine(FormattableString.Invariant($"  {concurrency} lifecycles at a time for {seconds} s"));
        var (completed, failures, done, elapsed) = await LifecycleLoad.RunAsync(lifecycles, concurrency, TimeSpan.FromSeconds(seconds));
        var cpu = StackProcesses.Measure(parts, memory: false).Sum(p => p.CpuSeconds) - cpuBefore;
        var statementsAfter = await StatementProfile.SnapshotAsync(infrastructure.PostgresAdmin);

        var whole = done.Select(l => l.Sum(s => s.Milliseconds)).Order().ToList();
        Console.WriteLine(FormattableString.Invariant(
            $"{completed:N0} lifecycles completed in {elapsed:0} s at {concurrency} at a time = {completed / elapsed:0.00} a second; {failures.Count:N0} failed. Each took p50 {Percentile(whole, 0.5) / 1000:0.0} s, p95 {Percentile(whole, 0.95) / 1000:0.0} s from submission to reporting. Stack processor time {1000 * cpu / Math.Max(1, completed):0} ms a lifecycle."));
        foreach (var failure in failures.GroupBy(f => f).OrderByDescending(g => g.Count()).Take(5))
        {
            Console.WriteLine(FormattableString.Invariant($"  failed {failure.Count()}×: {failure.Key}"));
        }
        Console.WriteLine();
        Console.WriteLine("| step | p50 ms | p95 ms | requests a lifecycle |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var step in done.SelectMany(l => l).GroupBy(s => s.Step).OrderBy(g => done[0].FindIndex(s => s.Step == g.Key)))
        {
            var times = step.Select(s => s.Milliseconds).Order().ToList();
            Console.WriteLine(FormattableString.Invariant(
                $"| {step.Key} | {Percentile(times, 0.5):0} | {Percentile(times, 0.95):0} | {step.Average(s => s.Requests):0.0} |"));
        }
        Console.WriteLine();
        Console.WriteLine("Top statements by total time during the lifecycles (pg_stat_statements):");
        StatementProfile.Print(statementsBefore, statementsAfter, 6);
        Console.WriteLine();

        var targets = new TargetTable();
        targets.Add(IssueTargets.Lifecycle.LifecyclesPerSecond, completed / elapsed);
        foreach (var (query, queryTarget, p95) in await DashboardsAsync(gateway, tokens, runs))
        {
            targets.Add(queryTarget, p95, of: query);
        }
        Console.WriteLine();
        targets.Write(Console.Out);
    }

    // As the ICB's commissioner reads them, through the gateway: random periods over the ten years stored.
    // Returns each query's p95 in milliseconds with the target it is held to.
    private static async Task<List<(string Query, Target Target, double P95)>> DashboardsAsync(HttpClient gateway, DemoTokens tokens, int runs)
    {
        var p95s = new List<(string, Target, double)>();
        var random = new Random(7);
        var thisYear = DateTime.UtcNow.Year;
        string Quarter() => FormattableString.Invariant($"{random.Next(thisYear - 9, thisYear)}-Q{random.Next(1, 5)}");
        string Provider() => new[] { "RJ1", "RJZ", "Y99901" }[random.Next(3)];
        var dashboard = IssueTargets.Lifecycle.DashboardP95;
        var queries = new (string Name, Func<string> Path, Target Target)[]
        {
            ("ICB oversight: measures of its providers and itself, one quarter", () => $"api/v1/reporting/oversight?period={Quarter()}", dashboard),
            ("ICB funnel plot (acknowledged in time), one quarter", () => $"api/v1/reporting/oversight/funnel?measure=acknowledgedInTime&period={Quarter()}", dashboard),
            ("ICB 12-month trend (upheld or partly), all providers", () => "api/v1/reporting/trend?measure=upheldOrPartly&months=12", dashboard),
            ("Provider measures, one financial year", () => FormattableString.Invariant($"api/v1/reporting/measures?organisation={Provider()}&period={random.Next(thisYear - 9, thisYear)}"), dashboard),
            ("KO41a return for one organisation, one financial year", () => FormattableString.Invariant($"api/v1/reporting/ko41?organisation={Provider()}&year={random.Next(thisYear - 9, thisYear)}"), IssueTargets.Lifecycle.Ko41P95),
        };
        Console.WriteLine(FormattableString.Invariant($"Dashboards and KO41 through the gateway as commissioner.qkk ({runs} runs each after 5 warm-up, one at a time, random period and provider):"));
        Console.WriteLine();
        Console.WriteLine("| query | p50 ms | p95 ms | max ms |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var (name, path, target) in queries)
        {
            var times = new List<double>();
            for (var i = 0; i < runs + 5; i++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, path());
                request.Headers.Authorization = await tokens.ForAsync("commissioner.qkk", CancellationToken.None);
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                var watch = Stopwatch.StartNew();
                using var response = await gateway.SendAsync(request);
                await response.Content.ReadAsByteArrayAsync();
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"{request.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
                if (i >= 5)
                {
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }
            }
            times.Sort();
            Console.WriteLine(FormattableString.Invariant($"| {name} | {Percentile(times, 0.5):0.0} | {Percentile(times, 0.95):0.0} | {times[^1]:0.0} |"));
            p95s.Add((name, target, Percentile(times, 0.95)));
        }
        return p95s;
    }

    private static double Percentile(List<double> sorted, double q) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, Math.Max(0, (int)Math.Ceiling(q * sorted.Count) - 1))];
}
