// Faults over the running stack (./ics bench faults [--short]; method and figures in docs/reliability.md).
//
// Under a steady stream of varied complaints through the gateway, each sent with its Idempotency-Key and retried
// with it as a well-behaved client would: RabbitMQ is stopped and started, each service is killed with SIGKILL and
// started, PostgreSQL is stopped and started, all through ./ics's own commands. After each fault every complaint
// answered 2xx is counted where each service keeps it (intake, case, reporting, correspondence): none may be
// missing and none doubled. Every service's readiness is read throughout and held against what it should say.
// Prints a table per fault and exits 1 if any guarantee is broken; the last line is "N passed, N failed".
using System.Globalization;
using IcsComplaints.Bench.Common;
using IcsComplaints.Bench.Faults;

var plan = FaultPlan.FromArguments(args);
var stack = StackSettings.FromEnvironment();
var runId = DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
var control = new StackControl(stack);
var verdicts = new Verdicts();

using var gateway = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromSeconds(30) })
{
    BaseAddress = stack.Gateway,
    Timeout = Timeout.InfiniteTimeSpan,
};
using var tokens = new DemoTokens(gateway, stack.DemoPassword);
var complaints = new VariedComplaints(runId);
var ledger = new Ledger(stack, complaints.Marker);
using var health = new HealthWatch(stack);

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"# Faults over the running stack ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {(plan.IsShort ? "short" : "full")} run {runId}, {plan.PerSecond:0.#} complaints/s)"));
Console.WriteLine();

health.Start();
// What each service says before any fault is what it should say again after each.
var normal = await NormalHealthAsync(health, stack);
Console.WriteLine($"Readiness before the faults: {string.Join(", ", normal.Select(n => $"{n.Key} {n.Value}"))}.");
Console.WriteLine();
foreach (var user in complaints.Users)
{
    await tokens.ForAsync(user, CancellationToken.None);
}

var scenarios = new FaultScenarios(stack, plan, control, health, () => new ComplaintLoad(gateway, tokens, complaints, plan.PerSecond), ledger, normal, verdicts);
try
{
    await scenarios.BrokerOutageAsync();
    await scenarios.KilledServicesAsync();
    await scenarios.DatabaseRestartAsync();
}
finally
{
    // Whatever failed, leave the stack whole for whoever uses it next: starting one service starts every one not running.
    await control.StartAsync("postgres");
    await control.StartAsync("rabbitmq");
    await control.StartAsync("gateway");
    await health.StopAsync();
}
scenarios.HealthTable();

verdicts.Write(Console.Out);
return verdicts.Failed == 0 ? 0 : 1;

static async Task<Dictionary<string, string>> NormalHealthAsync(HealthWatch health, StackSettings stack)
{
    // A minute for a stack just started to settle: the broker connection made, the seeded backlog relayed.
    var until = DateTimeOffset.UtcNow.AddMinutes(1);
    while (true)
    {
        await Task.Delay(TimeSpan.FromSeconds(2));
        var now = DateTimeOffset.UtcNow;
        var latest = stack.Services.ToDictionary(s => s.Name, s => health.Between(s.Name, now.AddSeconds(-1.5), now) is { Count: > 0 } read ? read[^1] : "Unreachable");
        if (latest.Values.All(v => v == "Healthy") || now > until)
        {
            return latest;
        }
    }
}
