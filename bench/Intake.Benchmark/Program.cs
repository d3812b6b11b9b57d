// Intake under load on the stack ./ics runs (./ics bench intake), and the stack's memory and start-up (./ics bench memory).
//
// intake: how many complaints a second intake records, straight to its port and through the gateway, against what
// the same PostgreSQL does with durable 1 KB inserts and nothing in front; the latency at fixed offered rates; whether
// every accepted complaint was stored once, reached reporting and opened a case; and the processor time the whole
// stack spent per complaint, by process, with the transactions and statements PostgreSQL spent it on.
//
// lag: how long after its answer an accepted complaint is visible as a case and counted by reporting, at fixed
// offered rates through the gateway.
//
// memory: resident and proportional set size of every process of the stack, idle and after a short load, and how
// long each service took from its start to answering /health/ready (timed by ./ics, which restarts the services).
//
// Each ends with its figures beside the issue's targets (IssueTargets), met or short.
//
// ./ics bench passes the state directory (PID files), intake's and the gateway's addresses, and through the
// environment the administrator's connection strings (PostgreSQL, RabbitMQ's management API), intake's, case's and
// reporting's (as their runtime roles, to read what they stored), intake's broker address (its virtual host) and the
// demo password and client secret.
using System.Collections.Concurrent;
using System.Globalization;
using IcsComplaints.Bench.Common;
using IcsComplaints.Bench.Intake;
using IcsComplaints.TestKit;

// Over complaints already stored (StoreRun, GrowthRun, LifecycleRun): each reads its own arguments.
switch (args.FirstOrDefault())
{
    case "store":
        await StoreRun.RunAsync(new StackSettings(args));
        return;
    case "growth":
        Environment.ExitCode = await GrowthRun.RunAsync(new StackSettings(args));
        return;
    case "lifecycle":
        await LifecycleRun.RunAsync(new StackSettings(args));
        return;
}

var mode = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "intake";
var state = Text(args, "--state") ?? throw new ArgumentException("--state <the ./ics state directory> is required");
var intakeAddress = new Uri(Text(args, "--intake") ?? throw new ArgumentException("--intake <intake's address> is required"));
var gatewayAddress = new Uri(Text(args, "--gateway") ?? throw new ArgumentException("--gateway <the gateway's address> is required"));
var connections = Number(args, "--connections", 32);
var seconds = Number(args, "--seconds", 20);
var openSeconds = Number(args, "--open-seconds", 10);
var baselineSeconds = Number(args, "--baseline-seconds", 15);
var rates = (Text(args, "--rates") ?? "100,200,500").Split(',').Select(r => int.Parse(r, CultureInfo.InvariantCulture)).ToArray();
var drainLimit = TimeSpan.FromSeconds(Number(args, "--drain-limit", 120));

var infrastructure = new TestInfrastructure();
await infrastructure.InitializeAsync();
string[] readDatabases = ["intakedb", "casedb", "reportingdb"];
var downstream = new Downstream(readDatabases.ToDictionary(
    database => database,
    ConnectionString),
    infrastructure,
    new Uri(Environment.GetEnvironmentVariable("ConnectionStrings__rabbitmq") ?? throw new InvalidOperationException("ConnectionStrings__rabbitmq is not set")).AbsolutePath.Trim('/'));
var parts = StackProcesses.Find(state);
if (!parts.Any(p => p.Name == "intake") || !parts.Any(p => p.Name == "gateway"))
{
    throw new InvalidOperationException($"No running stack under {state}: start it with ./ics up.");
}
using var tokens = await ComplaintBodies.SignInAsync(
    gatewayAddress,
    Environment.GetEnvironmentVariable("ICS_DEMO_PASSWORD") ?? throw new InvalidOperationException("ICS_DEMO_PASSWORD is not set"),
    Environment.GetEnvironmentVariable("ICS_DEMO_CLIENT_SECRET") ?? throw new InvalidOperationException("ICS_DEMO_CLIENT_SECRET is not set"));
var bodies = new ComplaintBodies(seed: Environment.TickCount);
var accepted = new ConcurrentQueue<Accepted>();
using var direct = new IntakeTarget("direct", intakeAddress, tokens, accepted);
using var gateway = new IntakeTarget("gateway", gatewayAddress, tokens, accepted);

await (mode switch
{
    "memory" => MemoryAsync(),
    "lag" => LagAsync(),
    "intake" => IntakeAsync(),
    _ => throw new ArgumentException($"Unknown benchmark {mode}: intake, lag or memory."),
});

async Task IntakeAsync()
{
    Console.WriteLine(Invariant($"# Intake benchmark ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, stack under {state})"));
    Console.WriteLine();

    var (transactions, baselineElapsed) = await PostgresBaseline.RunAsync(infrastructure, 8, TimeSpan.FromSeconds(baselineSeconds));
    var baseline = transactions / baselineElapsed;
    Console.WriteLine(Invariant($"Baseline: {transactions:N0} durable 1 KB INSERTs at 8 connections in {baselineElapsed:0.0} s = {baseline:N0} tx/s."));

    // Warm-up, not counted: the services compile their hot paths and fill their pools.
    var runStart = DateTimeOffset.UtcNow;
    await LoadRuns.ClosedLoopAsync(direct, bodies, 8, TimeSpan.FromSeconds(10));
    await LoadRuns.ClosedLoopAsync(gateway, bodies, 8, TimeSpan.FromSeconds(10));
    var warmUp = Drain();
    await downstream.WaitUntilCaughtUpAsync(warmUp, drainLimit);
    Console.WriteLine(Invariant($"Warm-up: {warmUp.Count:N0} complaints (10 s at 8 connections each way), not counted below."));
    Console.WriteLine();

    var cpuBefore = StackProcesses.Measure(parts, memory: false);
    var statementsBefore = await StatementProfile.SnapshotAsync(infrastructure.PostgresAdmin);
    var commitsBefore = await StatementProfile.CommitsAsync(infrastructure.PostgresAdmin);
    var measured = new List<Accepted>();
    var results = new List<(LoadResult Result, TimeSpan? CaughtUp, double CpuPerComplaint)>();
    async Task RunAsync(Func<Task<LoadResult>> run)
    {
        var cpuAtStart = StackProcesses.Measure(parts, memory: false).Sum(p => p.CpuSeconds);
        var result = await run();
        var batch = Drain();
        measured.AddRange(batch);
        // Each run starts with the stack idle, so one run's backlog downstream does not slow the next.
        var caughtUp = await downstream.WaitUntilCaughtUpAsync(batch, drainLimit);
        // Past capacity this includes the work done for requests whose callers gave up, divided among the accepted.
        var cpu = StackProcesses.Measure(parts, memory: false).Sum(p => p.CpuSeconds) - cpuAtStart;
        results.Add((result, caughtUp, 1000 * cpu / Math.Max(1, batch.Count)));
        Console.Error.WriteLine(Invariant($"  {result.Target}, {result.Load}: {result.Succeeded:N0} accepted, {result.Errors:N0} errors"));
    }
    await RunAsync(() => LoadRuns.ClosedLoopAsync(direct, bodies, connections, TimeSpan.FromSeconds(seconds)));
    await RunAsync(() => LoadRuns.ClosedLoopAsync(gateway, bodies, connections, TimeSpan.FromSeconds(seconds)));
    foreach (var rate in rates)
    {
        await RunAsync(() => LoadRuns.OpenLoopAsync(direct, bodies, rate, TimeSpan.FromSeconds(openSeconds)));
        await RunAsync(() => LoadRuns.OpenLoopAsync(gateway, bodies, rate, TimeSpan.FromSeconds(openSeconds)));
    }
    var caughtUp = await downstream.WaitUntilCaughtUpAsync(measured, drainLimit);
    var cpuAfter = StackProcesses.Measure(parts, memory: false);
    var statementsAfter = await StatementProfile.SnapshotAsync(infrastructure.PostgresAdmin);
    var commitsAfter = await StatementProfile.CommitsAsync(infrastructure.PostgresAdmin);

    Console.WriteLine("| target | load | sent | accepted | errors | achieved /s | p50 ms | p95 ms | p99 ms | max ms | downstream caught up after | stack CPU ms an accepted complaint |");
    Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    foreach (var (r, lag, cpu) in results)
    {
        Console.WriteLine(Invariant(
            $"| {r.Target} | {r.Load} | {r.Sent:N0} | {r.Succeeded:N0} | {r.Errors:N0} | {r.Achieved:N0} | {r.Percentile(0.5):0.0} | {r.Percentile(0.95):0.0} | {r.Percentile(0.99):0.0} | {r.Percentile(1):0} | {(lag is { } l ? $"{l.TotalSeconds:0.0} s" : "not within the limit")} | {cpu:0.0} |"));
    }
    PrintFirstErrors(direct);
    PrintFirstErrors(gateway);
    Console.WriteLine();

    var closedDirect = results.First(r => r.Result.Target == "direct" && r.Result.Offered is null).Result.Achieved;
    var closedGateway = results.First(r => r.Result.Target == "gateway" && r.Result.Offered is null).Result.Achieved;
    Console.WriteLine("| ratio (closed loop, accepted a second) | value |");
    Console.WriteLine("|---|---:|");
    Console.WriteLine(Invariant($"| gateway / baseline | {closedGateway / baseline:0.000} |"));
    Console.WriteLine(Invariant($"| direct / baseline | {closedDirect / baseline:0.000} |"));
    Console.WriteLine(Invariant($"| gateway / direct | {closedGateway / closedDirect:0.00} |"));
    Console.WriteLine();

    var all = warmUp.Concat(measured).ToList();
    var accounting = await downstream.CountAsync(all, runStart);
    var distinct = all.Select(a => a.Id).Distinct().Count();
    Console.WriteLine(Invariant($"Accounting ({all.Count:N0} accepted, warm-up included; {(caughtUp is { } c ? $"downstream caught up {c.TotalSeconds:0.0} s after the last run" : "downstream had NOT caught up within the limit")}):"));
    Console.WriteLine();
    Console.WriteLine("| check | expected | found | |");
    Console.WriteLine("|---|---:|---:|---|");
    Row("distinct identifiers among the 2xx answers", all.Count, distinct);
    Row("stored in intakedb with the reference answered", all.Count, accounting.Stored);
    // A request the client gave up on may still have been recorded (the reason for the Idempotency-Key: a retry with
    // the same key gets that complaint back); any other failure must have stored nothing.
    var unanswered = direct.Unanswered + gateway.Unanswered;
    var storedOk = accounting.StoredSinceStart >= all.Count && accounting.StoredSinceStart <= all.Count + unanswered;
    Console.WriteLine(Invariant(
        $"| stored in intakedb since the run began (at most the accepted and the {unanswered:N0} timed out) | {all.Count:N0} to {all.Count + unanswered:N0} | {accounting.StoredSinceStart:N0} | {(storedOk ? "ok" : "MISMATCH")} |"));
    Row("seen by reporting (reportingdb complaint facts)", all.Count, accounting.InReporting);
    Row("cases opened (one a complaint, waiting for routing where the route awaits it)", all.Count, accounting.Cases);
    foreach (var (route, complaints, cases) in accounting.ByRoute)
    {
        Console.WriteLine(Invariant($"| route {route}: complaints, cases | {complaints:N0} | {cases:N0} | |"));
    }
    Console.WriteLine();

    var reached = await downstream.CountAsync(measured, runStart);
    var perComplaint = reached.InReporting;
    var spent = cpuAfter.Zip(cpuBefore, (after, before) => (after.Name, Seconds: after.CpuSeconds - before.CpuSeconds)).OrderByDescending(p => p.Seconds).ToList();
    var total = spent.Sum(p => p.Seconds);
    Console.WriteLine(Invariant($"Processor time of the stack over the measured runs and until downstream caught up: {total:0.0} s for {perComplaint:N0} complaints that reached reporting = {1000 * total / Math.Max(1, perComplaint):0.00} ms a complaint."));
    Console.WriteLine();
    Console.WriteLine("| process | CPU s | ms per complaint | share |");
    Console.WriteLine("|---|---:|---:|---:|");
    foreach (var (name, used) in spent)
    {
        Console.WriteLine(Invariant($"| {name} | {used:0.0} | {1000 * used / Math.Max(1, perComplaint):0.00} | {100 * used / Math.Max(0.001, total):0}% |"));
    }
    Console.WriteLine(Invariant($"| whole stack | {total:0.0} | {1000 * total / Math.Max(1, perComplaint):0.00} | 100% |"));
    Console.WriteLine();

    var commits = commitsAfter.Select(c => (Database: c.Key, Count: c.Value - commitsBefore.GetValueOrDefault(c.Key))).Where(c => c.Count > 0).OrderByDescending(c => c.Count).ToList();
    Console.WriteLine(Invariant($"Transactions committed a complaint, read-only ones included (pg_stat_database): {(double)commits.Sum(c => c.Count) / Math.Max(1, perComplaint):0.0} ({string.Join(", ", commits.Select(c => $"{c.Database} {(double)c.Count / Math.Max(1, perComplaint):0.0}"))})."));
    Console.WriteLine();

    if (statementsBefore is null || statementsAfter is null)
    {
        Console.WriteLine("pg_stat_statements is not loaded by this PostgreSQL (restart it with ./ics down postgres; ./ics up): no statement profile.");
    }
    else
    {
        Console.WriteLine("Top statements by total time during the measured runs (pg_stat_statements), per database:");
        foreach (var (database, totalMilliseconds, top) in StatementProfile.Between(statementsBefore, statementsAfter, 10))
        {
            Console.WriteLine();
            Console.WriteLine(Invariant($"{database}: {totalMilliseconds / 1000:0.0} s in statements"));
            Console.WriteLine();
            Console.WriteLine("| total ms | calls | ms a call | rows | statement |");
            Console.WriteLine("|---:|---:|---:|---:|---|");
            foreach (var cost in top)
            {
                Console.WriteLine(Invariant(
                    $"| {cost.TotalMilliseconds:N0} | {cost.Calls:N0} | {cost.TotalMilliseconds / cost.Calls:0.000} | {cost.Rows:N0} | `{StatementProfile.OneLine(cost.Query, 160).Replace("|", "\\|", StringComparison.Ordinal)}` |"));
            }
        }
    }
    Console.WriteLine();

    var targets = new TargetTable();
    targets.Add(IssueTargets.Intake.GatewayToBaseline, closedGateway / baseline);
    targets.Add(IssueTargets.Intake.GatewayToDirect, closedGateway / closedDirect);
    targets.Add(IssueTargets.Intake.ProcessorTimePerComplaint, perComplaint == 0 ? double.NaN : 1000 * total / perComplaint);
    if (results.FirstOrDefault(r => r.Result.Target == "gateway" && r.Result.Offered == IssueTargets.Intake.OfferedRate).Result is { } atRate)
    {
        targets.Add(IssueTargets.Intake.P99AtOfferedRate, atRate.Percentile(0.99));
    }
    else
    {
        targets.NotMeasured(IssueTargets.Intake.P99AtOfferedRate, Invariant($"{IssueTargets.Intake.OfferedRate}/s not among --rates"));
    }
    targets.Write(Console.Out);
}

async Task MemoryAsync()
{
    Console.WriteLine(Invariant($"# Memory and start-up benchmark ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, stack under {state})"));
    Console.WriteLine();
    var readinessFile = Text(args, "--readiness");
    var readiness = new List<(string Service, double Seconds)>();
    if (readinessFile is not null && File.Exists(readinessFile))
    {
        Console.WriteLine("| service | from start to /health/ready |");
        Console.WriteLine("|---|---:|");
        foreach (var line in File.ReadLines(readinessFile))
        {
            var fields = line.Split('\t');
            var ready = int.Parse(fields[1], CultureInfo.InvariantCulture) / 1000.0;
            readiness.Add((fields[0], ready));
            Console.WriteLine(Invariant($"| {fields[0]} | {ready:0.00} s |"));
        }
        Console.WriteLine();
    }
    var settle = Number(args, "--settle", 30);
    Console.Error.WriteLine(Invariant($"  idle for {settle} s"));
    await Task.Delay(TimeSpan.FromSeconds(settle));
    var idle = StackProcesses.Measure(parts, memory: true);
    Console.Error.WriteLine(Invariant($"  {seconds} s of complaints through the gateway at {connections} connections"));
    var load = await LoadRuns.ClosedLoopAsync(gateway, bodies, connections, TimeSpan.FromSeconds(seconds));
    var caughtUp = await downstream.WaitUntilCaughtUpAsync(Drain(), drainLimit);
    var loaded = StackProcesses.Measure(parts, memory: true);
    Console.WriteLine(Invariant($"Load: {load.Succeeded:N0} complaints through the gateway in {load.Seconds:0} s ({load.Errors:N0} errors); downstream {(caughtUp is { } c ? $"caught up {c.TotalSeconds:0} s later" : "had not caught up")}."));
    Console.WriteLine();
    Console.WriteLine("| process | processes | idle RSS MB | idle PSS MB | after load RSS MB | after load PSS MB |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|");
    foreach (var (before, after) in idle.Zip(loaded))
    {
        Console.WriteLine(Invariant($"| {before.Name} | {before.Processes} | {before.RssKb / 1024.0:0} | {before.PssKb / 1024.0:0} | {after.RssKb / 1024.0:0} | {after.PssKb / 1024.0:0} |"));
    }
    Console.WriteLine(Invariant(
        $"| whole stack | {idle.Sum(p => p.Processes)} | {idle.Sum(p => p.RssKb) / 1024.0:0} | {idle.Sum(p => p.PssKb) / 1024.0:0} | {loaded.Sum(p => p.RssKb) / 1024.0:0} | {loaded.Sum(p => p.PssKb) / 1024.0:0} |"));
    Console.WriteLine();

    var targets = new TargetTable();
    targets.Add(IssueTargets.Memory.WholeStackIdle, idle.Sum(p => p.PssKb) / 1024.0);
    var developmentOnly = IssueTargets.Memory.DevelopmentOnly;
    targets.Add(
        IssueTargets.Memory.WholeStackIdle,
        idle.Where(p => !developmentOnly.Contains(p.Name)).Sum(p => p.PssKb) / 1024.0,
        of: $"without {string.Join(" and ", developmentOnly.Order(StringComparer.Ordinal))}");
    var services = parts.Where(p => p.IsService).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
    foreach (var service in idle.Where(p => services.Contains(p.Name)))
    {
        targets.Add(IssueTargets.Memory.ServiceIdle, service.RssKb / 1024.0, of: service.Name);
    }
    if (readiness.Count == 0)
    {
        targets.NotMeasured(IssueTargets.Memory.Ready, "no readiness times (--readiness, which ./ics bench memory writes)");
    }
    foreach (var (service, ready) in readiness)
    {
        targets.Add(IssueTargets.Memory.Ready, ready, of: service);
    }
    targets.Write(Console.Out);
}

async Task LagAsync()
{
    var lagRates = (Text(args, "--rates") ?? "50,200").Split(',').Select(r => int.Parse(r, CultureInfo.InvariantCulture)).ToArray();
    var lagSeconds = Number(args, "--open-seconds", 20);
    Console.WriteLine(Invariant($"# Lag benchmark ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, stack under {state})"));
    Console.WriteLine();
    // Warm-up, not counted, and then an idle stack: each rate starts with nothing waiting downstream.
    await LoadRuns.ClosedLoopAsync(gateway, bodies, 8, TimeSpan.FromSeconds(10));
    await downstream.WaitUntilCaughtUpAsync(Drain(), drainLimit);
    Console.WriteLine("| offered /s | accepted | errors | achieved /s | answer p50 ms | answer p95 ms | case visible p50 ms | p95 | p99 | counted by reporting p50 ms | p95 | p99 | never seen |");
    Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    var targets = new TargetTable();
    if (!lagRates.Contains(IssueTargets.Lag.OfferedRate))
    {
        targets.NotMeasured(IssueTargets.Lag.CountedByReportingP95, Invariant($"{IssueTargets.Lag.OfferedRate}/s not among --rates"));
    }
    foreach (var rate in lagRates)
    {
        var run = LoadRuns.OpenLoopAsync(gateway, bodies, rate, TimeSpan.FromSeconds(lagSeconds));
        var watch = new LagWatch(ConnectionString("casedb"), ConnectionString("reportingdb"));
        var lags = await watch.WatchAsync(accepted, run, drainLimit);
        var result = await run;
        var cases = lags.Select(l => l.CaseVisible).Order().ToArray();
        var reported = lags.Select(l => l.Reported).Order().ToArray();
        Console.WriteLine(Invariant(
            $"| {rate} | {result.Succeeded:N0} | {result.Errors:N0} | {result.Achieved:N0} | {result.Percentile(0.5):0} | {result.Percentile(0.95):0} | {Percentiles.Of(cases, 0.5):0} | {Percentiles.Of(cases, 0.95):0} | {Percentiles.Of(cases, 0.99):0} | {Percentiles.Of(reported, 0.5):0} | {Percentiles.Of(reported, 0.95):0} | {Percentiles.Of(reported, 0.99):0} | {watch.NeverSeen:N0} |"));
        if (rate == IssueTargets.Lag.OfferedRate)
        {
            targets.Add(IssueTargets.Lag.CountedByReportingP95, Percentiles.Of(reported, 0.95));
        }
        await downstream.WaitUntilCaughtUpAsync([], drainLimit);
    }
    PrintFirstErrors(gateway);
    Console.WriteLine();
    targets.Write(Console.Out);
}

void PrintFirstErrors(IntakeTarget target)
{
    foreach (var (status, text) in target.FirstErrorByStatus)
    {
        Console.WriteLine(Invariant($"First {(status == 0 ? "failure" : status.ToString(CultureInfo.InvariantCulture))} ({target.Name}): {text}"));
    }
}

static string ConnectionString(string database) =>
    Environment.GetEnvironmentVariable("ConnectionStrings__" + database) ?? throw new InvalidOperationException($"ConnectionStrings__{database} is not set");

void Row(string check, long expected, long found) =>
    Console.WriteLine(Invariant($"| {check} | {expected:N0} | {found:N0} | {(expected == found ? "ok" : "MISMATCH")} |"));

List<Accepted> Drain()
{
    var batch = new List<Accepted>();
    while (accepted.TryDequeue(out var one))
    {
        batch.Add(one);
    }
    return batch;
}

static string Invariant(FormattableString text) => FormattableString.Invariant(text);

static string? Text(string[] args, string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

static int Number(string[] args, string name, int fallback) =>
    Text(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
