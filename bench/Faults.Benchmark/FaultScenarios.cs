using System.Globalization;
using IcsComplaints.Bench.Common;

namespace IcsComplaints.Bench.Faults;

/// <summary>
/// The faults, each under steady load and each ending in the accounting: RabbitMQ stopped and started, every
/// service killed with SIGKILL and started, PostgreSQL stopped and started; with what every service's readiness said
/// meanwhile held against what it should say.
/// </summary>
public sealed class FaultScenarios(
    StackSettings stack, FaultPlan plan, StackControl control, HealthWatch health, Func<ComplaintLoad> newLoad, Ledger ledger,
    IReadOnlyDictionary<string, string> normal, Verdicts verdicts)
{
    // A fault is reported by the next readings, not the instant it happens.
    private static readonly TimeSpan Detection = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan SettleLimit = TimeSpan.FromMinutes(3);
    private readonly List<string> _healthRows = [];
    private readonly List<Func<string>> _pendingHealthRows = [];
    private DateTimeOffset _lastFaultEnded = DateTimeOffset.MinValue;

    public async Task BrokerOutageAsync()
    {
        Heading($"1. RabbitMQ stopped for {plan.BrokerOutage.TotalSeconds:0} s and started (./ics down rabbitmq, ./ics start rabbitmq)");
        using var load = newLoad();
        load.Phase = "broker";
        load.Start();
        await Task.Delay(TimeSpan.FromSeconds(plan.IsShort ? 5 : 10));
        var stopping = DateTimeOffset.UtcNow;
        await control.StopAsync("rabbitmq");
        var down = DateTimeOffset.UtcNow;
        await Task.Delay(plan.BrokerOutage);
        var restarting = DateTimeOffset.UtcNow;
        await control.StartAsync("rabbitmq");
        var back = DateTimeOffset.UtcNow;
        // Everything accepted before the broker took connections again must reach case and reporting; the backlog
        // proper is what was accepted from the moment it was being stopped.
        var backlog = load.Submitted.Where(c => c.AcceptedAt < back).ToList();
        var acceptedMeanwhile = backlog.Count(c => c.AcceptedAt >= stopping);
        var (inCase, inReporting) = await DrainAsync(backlog);
        TimeSpan? drained = inCase is { } c && inReporting is { } r ? (c > r ? c : r) : null;
        await Task.Delay(TimeSpan.FromSeconds(plan.IsShort ? 3 : 10));
        await load.StopAsync();
        await ledger.SettleAsync(load.Submitted, SettleLimit);
        var account = (await ledger.CountAsync(load.Submitted))["broker"];
        var serverErrors = load.Attempts.Count(a => a.Outcome.StartsWith('5') || a.Outcome is "connection failed" or "timed out");
        var drainedInTime = drained is { } d && d <= plan.DrainLimit;
        Console.WriteLine("| submitted | accepted | lost | duplicated | unanswered | 5xx or no answer | answers seen | accepted while the broker was stopped or starting | drained after | verdict |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---|---:|---:|---|");
        Console.WriteLine(Invariant($"| {account.Submitted} | {account.Accepted} | {account.Lost} | {account.Duplicated} | {account.Unanswered} | {serverErrors} | {Outcomes(load.Attempts)} | {acceptedMeanwhile} | {Seconds(drained)} | {verdicts.Add("broker outage: nothing lost or duplicated, no 5xx", account.Clean && serverErrors == 0)} |"));
        Console.WriteLine();
        Console.WriteLine(Invariant($"Backlog drained (every complaint accepted before the broker was back visible as a case and in reporting) {Seconds(drained)} after ./ics start rabbitmq returned (all in case after {Seconds(inCase)}, all in reporting after {Seconds(inReporting)}) (the broker took {(back - restarting).TotalSeconds:0.0} s to start); target {FaultPlan.DrainTarget.TotalSeconds:0} s, limit of this run {plan.DrainLimit.TotalSeconds:0} s: {verdicts.Add("broker outage: backlog drained within the limit", drainedInTime)}."));
        Console.WriteLine();
        foreach (var service in stack.Services)
        {
            HealthRow("RabbitMQ down", service, down + Detection, restarting, service.HasBroker ? "Degraded" : normal[service.Name], back);
        }
        await JudgeHealthRowsAsync();
    }

    // How long until every complaint of the backlog has its case, and its case in reporting.
    private async Task<(TimeSpan? InCase, TimeSpan? InReporting)> DrainAsync(IReadOnlyCollection<SubmittedComplaint> backlog)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        TimeSpan? inCase = null, inReporting = null;
        while (clock.Elapsed < SettleLimit && (inCase is null || inReporting is null))
        {
            var (withoutCase, notReported, _) = await ledger.MissingWhereAsync(backlog);
            inCase ??= withoutCase.Count == 0 ? clock.Elapsed : null;
            inReporting ??= notReported.Count == 0 ? clock.Elapsed : null;
            await Task.Delay(200);
        }
        return (inCase, inReporting);
    }

    public async Task KilledServicesAsync()
    {
        Heading("2. Each service killed (kill -9) and started again (./ics start <service>)");
        using var load = newLoad();
        load.Start();
        await Task.Delay(TimeSpan.FromSeconds(5));
        var restarts = new Dictionary<string, TimeSpan>();
        foreach (var name in plan.KilledServices)
        {
            load.Phase = "kill " + name;
            await control.KillAsync(name);
            var killed = DateTimeOffset.UtcNow;
            await Task.Delay(TimeSpan.FromSeconds(2));
            var restarting = DateTimeOffset.UtcNow;
            await control.StartAsync(name);
            var back = DateTimeOffset.UtcNow;
            restarts[name] = back - restarting;
            HealthRow("killed", stack.Service(name), killed + TimeSpan.FromSeconds(1), restarting, "Unreachable", back);
            await Task.Delay(TimeSpan.FromSeconds(plan.IsShort ? 3 : 5));
        }
        await load.StopAsync();
        await ledger.SettleAsync(load.Submitted, SettleLimit);
        var accounts = await ledger.CountAsync(load.Submitted);
        Console.WriteLine("| service killed | submitted meanwhile | accepted | lost | duplicated | unanswered | resent messages | answers seen | start took | verdict |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---|---:|---|");
        foreach (var name in plan.KilledServices)
        {
            var phase = "kill " + name;
            var account = accounts.GetValueOrDefault(phase) ?? new Account(0, 0, 0, 0, 0, 0);
            var attempts = load.Attempts.Where(a => a.Phase == phase).ToList();
            Console.WriteLine(Invariant($"| {name} | {account.Submitted} | {account.Accepted} | {account.Lost} | {account.Duplicated} | {account.Unanswered} | {account.ResentMessages} | {Outcomes(attempts)} | {restarts[name].TotalSeconds:0.0} s | {verdicts.Add($"kill -9 {name}: nothing lost or duplicated", account.Clean)} |"));
        }
        Console.WriteLine();
        if (accounts.TryGetValue("steady", out var before) && !before.Clean)
        {
            Console.WriteLine(Invariant($"Before the first kill: {before.Lost} lost, {before.Duplicated} duplicated, {before.Unanswered} unanswered: {verdicts.Add("kill -9: complaints sent before the first kill", false)}."));
            Console.WriteLine();
        }
        await JudgeHealthRowsAsync();
    }

    public async Task DatabaseRestartAsync()
    {
        Heading($"3. PostgreSQL stopped for {plan.DatabaseOutage.TotalSeconds:0} s and started (./ics down postgres, ./ics start postgres)");
        using var load = newLoad();
        load.Phase = "postgres";
        load.Start();
        await Task.Delay(TimeSpan.FromSeconds(5));
        var stopping = DateTimeOffset.UtcNow;
        await control.StopAsync("postgres");
        var down = DateTimeOffset.UtcNow;
        await Task.Delay(plan.DatabaseOutage);
        var restarting = DateTimeOffset.UtcNow;
        await control.StartAsync("postgres");
        var back = DateTimeOffset.UtcNow;
        await Task.Delay(TimeSpan.FromSeconds(plan.IsShort ? 8 : 15));
        await load.StopAsync();
        await ledger.SettleAsync(load.Submitted, SettleLimit);
        var account = (await ledger.CountAsync(load.Submitted))["postgres"];
        var during = load.Attempts.Where(a => a.At >= down && a.At <= back).ToList();
        var after = load.Attempts.Where(a => a.At > back).ToList();
        // Every answer while the database is away is the 503 an integrator is told to expect, with when to retry.
        var wrong = load.Attempts.Count(a => (a.Outcome.StartsWith('5') && a.Outcome != "503") || a.Outcome is "connection failed" or "timed out"
            || (a.Outcome == "503" && !a.RetryAfter));
        Console.WriteLine("| answers while stopping | answers during the outage | answers after | 503 without Retry-After | other 5xx or no answer | submitted | accepted | lost | duplicated | unanswered | verdict |");
        Console.WriteLine("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---|");
        Console.WriteLine(Invariant($"| {Outcomes(load.Attempts.Where(a => a.At >= stopping && a.At < down))} | {Outcomes(during)} | {Outcomes(after)} | {load.Attempts.Count(a => a.Outcome == "503" && !a.RetryAfter)} | {wrong - load.Attempts.Count(a => a.Outcome == "503" && !a.RetryAfter)} | {account.Submitted} | {account.Accepted} | {account.Lost} | {account.Duplicated} | {account.Unanswered} | {verdicts.Add("PostgreSQL restart: 503 with Retry-After only, nothing lost or duplicated", account.Clean && wrong == 0)} |"));
        Console.WriteLine();
        Console.WriteLine(Invariant($"Stopping took {(down - stopping).TotalSeconds:0.0} s, starting {(back - restarting).TotalSeconds:0.0} s."));
        Console.WriteLine();
        foreach (var service in stack.Services)
        {
            HealthRow("PostgreSQL down", service, down + Detection, restarting, service.HasDatabase ? "Unhealthy" : normal[service.Name], back);
        }
        await JudgeHealthRowsAsync();
    }

    /// <summary>The readiness each service reported under each fault, against what it should have reported.</summary>
    public void HealthTable()
    {
        Heading("4. Readiness (/health/ready) under each fault");
        Console.WriteLine($"Read every 500 ms; \"back\" is how long after the fault ended (./ics start returned) the service reported what it did before the faults and kept to it; target {FaultPlan.HealthTarget.TotalSeconds:0} s, limit of this run {plan.HealthLimit.TotalSeconds:0} s.");
        Console.WriteLine();
        Console.WriteLine("| fault | service | expected | reported | back to normal after | verdict |");
        Console.WriteLine("|---|---|---|---|---:|---|");
        foreach (var row in _healthRows)
        {
            Console.WriteLine(row);
        }
        Console.WriteLine();
    }

    // Judged when the scenario ends, once the readings after the fault are in and before the next fault begins.
    private void HealthRow(string fault, StackService service, DateTimeOffset from, DateTimeOffset to, string expected, DateTimeOffset ended)
    {
        _pendingHealthRows.Add(() => JudgeHealth(fault, service, from, to, expected, ended));
        _lastFaultEnded = ended > _lastFaultEnded ? ended : _lastFaultEnded;
    }

    private async Task JudgeHealthRowsAsync()
    {
        // A service that is slow to recover is seen to be, rather than cut off by the end of the readings.
        var wait = _lastFaultEnded + plan.HealthLimit + TimeSpan.FromSeconds(1) - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }
        _healthRows.AddRange(_pendingHealthRows.Select(judge => judge()));
        _pendingHealthRows.Clear();
    }

    private string JudgeHealth(string fault, StackService service, DateTimeOffset from, DateTimeOffset to, string expected, DateTimeOffset ended)
    {
        var seen = health.Between(service.Name, from, to);
        var normalAgain = health.BackToNormalFrom(service.Name, normal[service.Name], ended);
        var recovered = normalAgain is { } at ? at - ended : (TimeSpan?)null;
        var ok = seen.Count > 0 && seen.All(s => s == expected) && recovered <= plan.HealthLimit;
        var reported = string.Join(", ", seen.GroupBy(s => s).Select(g => $"{g.Key} ×{g.Count()}"));
        return Invariant($"| {fault} | {service.Name} | {expected} | {reported} | {Seconds(recovered < TimeSpan.Zero ? TimeSpan.Zero : recovered)} | {verdicts.Add($"health: {fault}, {service.Name}", ok)} |");
    }

    private static string Outcomes(IEnumerable<Attempt> attempts)
    {
        var counted = attempts.GroupBy(a => a.Outcome).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} ×{g.Count()}").ToList();
        return counted.Count == 0 ? "none" : string.Join(", ", counted);
    }

    private static string Seconds(TimeSpan? span) => span is { } s ? Invariant($"{s.TotalSeconds:0.0} s") : "never";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static void Heading(string title)
    {
        Console.WriteLine($"## {title}");
        Console.WriteLine();
    }
}
