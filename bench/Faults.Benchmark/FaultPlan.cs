using System.Globalization;

namespace IcsComplaints.Bench.Faults;

/// <summary>How hard and how long: the full suite, or the short one CI runs (<c>--short</c>).</summary>
/// <param name="IsShort">The CI run.</param>
/// <param name="PerSecond">New complaints a second.</param>
/// <param name="BrokerOutage">How long RabbitMQ stays stopped.</param>
/// <param name="KilledServices">The services killed with SIGKILL, one after another.</param>
/// <param name="DatabaseOutage">How long PostgreSQL stays stopped.</param>
public sealed record FaultPlan(bool IsShort, double PerSecond, TimeSpan BrokerOutage, IReadOnlyList<string> KilledServices, TimeSpan DatabaseOutage)
{
    /// <summary>A backlog left by a broker outage should reach case and reporting this soon after the broker is back.</summary>
    public static readonly TimeSpan DrainTarget = TimeSpan.FromSeconds(10);

    /// <summary>A service should report itself as before the fault this soon after what it depends on is back.</summary>
    public static readonly TimeSpan HealthTarget = TimeSpan.FromSeconds(10);

    public static FaultPlan FromArguments(string[] args)
    {
        var isShort = args.Contains("--short");
        var rate = args.SkipWhile(a => a != "--rate").Skip(1).Select(a => double.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault();
        return isShort
            ? new FaultPlan(true, rate > 0 ? rate : 3, TimeSpan.FromSeconds(10), ["case", "reporting"], TimeSpan.FromSeconds(8))
            : new FaultPlan(false, rate > 0 ? rate : 6, TimeSpan.FromSeconds(30),
                ["intake", "case", "advocacy-referral", "learning", "reporting", "correspondence", "gateway"], TimeSpan.FromSeconds(15));
    }
}
