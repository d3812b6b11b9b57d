using IcsComplaints.Bench.Common;

namespace IcsComplaints.Bench.Intake;

/// <summary>
/// The targets of issue 21 for the benchmarks of this program, in one place: each benchmark prints its figures beside
/// them at its end (<see cref="TargetTable"/>), and docs/benchmarks.md quotes the same.
/// </summary>
internal static class IssueTargets
{
    /// <summary>./ics bench intake.</summary>
    public static class Intake
    {
        public static readonly Target GatewayToBaseline = Target.AtLeast("gateway / PostgreSQL baseline (closed loop)", 0.05, "", "0.000", aim: "0.1");

        public static readonly Target GatewayToDirect = Target.AtLeast("gateway / direct (closed loop)", 0.9, "", "0.00");

        /// <summary>Over the measured runs until downstream caught up, divided by the complaints that reached reporting, as the issue defines it.</summary>
        public static readonly Target ProcessorTimePerComplaint = Target.AtMost("processor time a complaint, whole stack", 4, "ms", "0.0");

        public static readonly Target P99AtOfferedRate = Target.Below("p99 through the gateway at 200/s offered", 50, "ms", "N0");

        /// <summary>The offered rate <see cref="P99AtOfferedRate"/> is measured at.</summary>
        public const int OfferedRate = 200;
    }

    /// <summary>./ics bench lag.</summary>
    public static class Lag
    {
        public static readonly Target CountedByReportingP95 = Target.Below("counted by reporting, p95 at 200/s offered", 250, "ms", "N0");

        /// <summary>The offered rate <see cref="CountedByReportingP95"/> is measured at.</summary>
        public const int OfferedRate = 200;
    }

    /// <summary>./ics bench memory.</summary>
    public static class Memory
    {
        // The issue's 1.5 GB, in the MB of the tables (kB from /proc divided by 1,024), as 1.5 × 1,024.
        public static readonly Target WholeStackIdle = Target.AtMost("whole stack idle (PSS)", 1_536, "MB", "N0");

        /// <summary>Resident, since in a deployment each service is alone in its container with its own runtime.</summary>
        public static readonly Target ServiceIdle = Target.AtMost(".NET service idle (RSS)", 150, "MB", "N0");

        public static readonly Target Ready = Target.Below("from start to ready", 3, "s", "0.00");

        /// <summary>
        /// Processes ./ics runs for development only (the mail catcher, the virus scanner): the whole stack is also
        /// measured without them, as a deployment has its own mail relay and scanner.
        /// </summary>
        public static readonly IReadOnlySet<string> DevelopmentOnly = new HashSet<string>(StringComparer.Ordinal) { "smtp4dev", "clamd" };
    }

    /// <summary>./ics bench growth: the large run against the small one.</summary>
    public static class Growth
    {
        public static readonly Target Throughput = Target.Within("accepted a second, large / small", 0.8, 1.2, "", "0.00");

        public static readonly Target P99 = Target.Within("p99, large / small", 0.8, 1.2, "", "0.00");

        /// <summary>
        /// Not the issue's own bound but the one a shared machine can judge (GrowingStatements): each statement's pages a
        /// call in the large run against the small run's plus one, for the index level a twentyfold table may add. A
        /// statement that reads a table or an index range in full grows with the table, twentyfold.
        /// </summary>
        public static readonly Target PagesPerCall = Target.AtMost("pages a call, large / (small + 1)", 3, "", "0.00");
    }

    /// <summary>./ics bench lifecycle.</summary>
    public static class Lifecycle
    {
        public static readonly Target LifecyclesPerSecond = Target.AtLeast("whole lifecycles a second", 50, "", "0.00");

        public static readonly Target DashboardP95 = Target.Below("dashboard over HTTP, p95", 100, "ms", "N0");

        public static readonly Target Ko41P95 = Target.Below("KO41 for an organisation-year, p95", 1_000, "ms", "N0");
    }
}
