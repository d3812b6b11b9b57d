using System.Collections.Concurrent;
using IcsComplaints.Bench.Common;
using IcsComplaints.TestKit;

namespace IcsComplaints.Bench.Intake;

/// <summary>
/// ./ics bench growth: does intake slow down as complaints pile up? The intake benchmark's closed loop and one open-loop
/// rate through the gateway, first with 10,000 complaints stored, then with the stack topped up to 1,000,000
/// (StoredComplaints) and the same runs again; throughput and p99 of each, and the ratio of the large to the small.
/// The issue's target, within 20 % of each other (IssueTargets.Growth), is printed beside the ratios at the end. Each
/// run is followed by a wait until case and reporting have caught up, so one run's backlog downstream does not slow the
/// next. Timings on a shared machine vary with what else it does, so what is judged is work: each statement's pages a
/// call in the large run against the small (GrowingStatements), a verdict per database, the last line "N passed, N
/// failed" and the exit code 1 when any is broken. --short (in .ci/run) compares 5,000 with 100,000 in shorter runs.
/// </summary>
internal static class GrowthRun
{
    public static async Task<int> RunAsync(StackSettings settings)
    {
        var isShort = settings.Has("--short");
        var small = settings.Number("--small", isShort ? 5_000 : 10_000);
        var large = settings.Number("--large", isShort ? 100_000 : 1_000_000);
        var connections = settings.Number("--connections", isShort ? 16 : 32);
        var seconds = settings.Number("--seconds", isShort ? 8 : 20);
        var rate = settings.Number("--rate", isShort ? 50 : 100);
        var openSeconds = settings.Number("--open-seconds", isShort ? 5 : 10);
        var warmUp = TimeSpan.FromSeconds(isShort ? 5 : 10);
        var drainLimit = TimeSpan.FromSeconds(settings.Number("--drain-limit", 120));

        Console.WriteLine(Invariant($"# Growth benchmark ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, stack under {settings.State})"));
        Console.WriteLine();
        var infrastructure = new TestInfrastructure();
        await infrastructure.InitializeAsync();
        var downstream = new Downstream(settings.Runtime, infrastructure, settings.RabbitVirtualHost);
        var parts = StackProcesses.Find(settings.State);
        using var tokens = await ComplaintBodies.SignInAsync(settings.Gateway, settings.DemoPassword, settings.DemoClientSecret);
        var bodies = new ComplaintBodies(seed: Environment.TickCount);
        var accepted = new ConcurrentQueue<Accepted>();
        using var gateway = new IntakeTarget("gateway", settings.Gateway, tokens, accepted);

        var held = await settings.Stored.CountAsync();
        if (held > small)
        {
            Console.WriteLine(Invariant(
                $"The stack already holds {held:N0} complaints, more than {small:N0}: the first runs are at {held:N0}, not {small:N0}. For the comparison the issue asks for, start a stack of its own with few complaints (ICS_DEMO=0, a fresh ICS_STATE_DIR)."));
            Console.WriteLine();
        }
        else
        {
            Console.WriteLine(StoreRun.Describe(await settings.Stored.TopUpAsync(small)));
        }

        var rows = new List<(long Stored, LoadResult Result, TimeSpan? CaughtUp, double CpuPerComplaint)>();
        var profiles = new List<(long Stored, Dictionary<(string, long, long, bool), StatementCost>? Before, Dictionary<(string, long, long, bool), StatementCost>? After)>();
        async Task MeasureAsync()
        {
            var stored = await settings.Stored.CountAsync();
            var statementsBefore = await StatementProfile.SnapshotAsync(infrastructure.PostgresAdmin);
            // Warm-up, not counted: after a top-up PostgreSQL reads the grown indexes back into its buffers.
            await LoadRuns.ClosedLoopAsync(gateway, bodies, 8, warmUp);
            await downstream.WaitUntilCaughtUpAsync(Drain(accepted), drainLimit);
            foreach (var run in new Func<Task<LoadResult>>[]
            {
                () => LoadRuns.ClosedLoopAsync(gateway, bodies, connections, TimeSpan.FromSeconds(seconds)),
                () => LoadRuns.OpenLoopAsync(gateway, bodies, rate, TimeSpan.FromSeconds(openSeconds)),
            })
            {
                var cpuAtStart = StackProcesses.Measure(parts, memory: false).Sum(p => p.CpuSeconds);
                var result = await run();
                var batch = Drain(accepted);
                var caughtUp = await downstream.WaitUntilCaughtUpAsync(batch, drainLimit);
                var cpu = StackProcesses.Measure(parts, memory: false).Sum(p => p.CpuSeconds) - cpuAtStart;
                rows.Add((stored, result, caughtUp, 1000 * cpu / Math.Max(1, batch.Count)));
                Console.Error.WriteLine(Invariant($"  {stored:N0} stored, {result.Load}: {result.Succeeded:N0} accepted, {result.Errors:N0} errors"));
            }
            profiles.Add((stored, statementsBefore, await StatementProfile.SnapshotAsync(infrastructure.PostgresAdmin)));
        }

        await MeasureAsync();
        var topUp = await settings.Stored.TopUpAsync(large);
        Console.WriteLine(StoreRun.Describe(topUp));
        Console.WriteLine();
        await MeasureAsync();

        Console.WriteLine("| complaints stored | load (gateway) | sent | accepted | errors | achieved /s | p50 ms | p95 ms | p99 ms | downstream caught up after | stack CPU ms an accepted complaint |");
        Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (stored, r, lag, cpu) in rows)
        {
            Console.WriteLine(Invariant(
                $"| {stored:N0} | {r.Load} | {r.Sent:N0} | {r.Succeeded:N0} | {r.Errors:N0} | {r.Achieved:N1} | {r.Percentile(0.5):0} | {r.Percentile(0.95):0} | {r.Percentile(0.99):0} | {(lag is { } l ? $"{l.TotalSeconds:0.0} s" : "not within the limit")} | {cpu:0.0} |"));
        }
        foreach (var (status, text) in gateway.FirstErrorByStatus)
        {
            Console.WriteLine(Invariant($"First {(status == 0 ? "failure" : status.ToString(System.Globalization.CultureInfo.InvariantCulture))}: {text}"));
        }
        Console.WriteLine();
        Console.WriteLine("| measure | small | large | large / small |");
        Console.WriteLine("|---|---:|---:|---:|");
        var targets = new TargetTable();
        var half = rows.Count / 2;
        for (var i = 0; i < half; i++)
        {
            var (before, after) = (rows[i].Result, rows[i + half].Result);
            Console.WriteLine(Invariant(
                $"| {before.Load}: accepted a second | {before.Achieved:N1} | {after.Achieved:N1} | {after.Achieved / before.Achieved:0.00} |"));
            Console.WriteLine(Invariant(
                $"| {before.Load}: p99 ms | {before.Percentile(0.99):0} | {after.Percentile(0.99):0} | {after.Percentile(0.99) / before.Percentile(0.99):0.00} |"));
            targets.Add(IssueTargets.Growth.Throughput, after.Achieved / before.Achieved, of: before.Load);
            targets.Add(IssueTargets.Growth.P99, after.Percentile(0.99) / before.Percentile(0.99), of: before.Load);
        }
        foreach (var (stored, before, after) in profiles)
        {
            Console.WriteLine();
            Console.WriteLine(Invariant($"Top statements by total time with {stored:N0} complaints stored (pg_stat_statements, warm-up and runs):"));
            StatementProfile.Print(before, after, 6);
        }
        Console.WriteLine();
        targets.Write(Console.Out);

        var verdicts = new Verdicts();
        Console.WriteLine();
        if (profiles is [var (smallStored, smallBefore, smallAfter), var (largeStored, largeBefore, largeAfter)]
            && smallBefore is not null && smallAfter is not null && largeBefore is not null && largeAfter is not null)
        {
            GrowingStatements.Judge(
                StatementProfile.Each(smallBefore, smallAfter), StatementProfile.Each(largeBefore, largeAfter),
                (double)largeStored / smallStored, verdicts);
        }
        else
        {
            verdicts.Add("pg_stat_statements read around both runs", false);
            Console.WriteLine("pg_stat_statements is not loaded by this PostgreSQL: the statements' pages could not be compared.");
        }
        Console.WriteLine();
        verdicts.Write(Console.Out);
        return verdicts.Failed == 0 ? 0 : 1;
    }

    private static List<Accepted> Drain(ConcurrentQueue<Accepted> accepted)
    {
        var batch = new List<Accepted>();
        while (accepted.TryDequeue(out var one))
        {
            batch.Add(one);
        }
        return batch;
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
