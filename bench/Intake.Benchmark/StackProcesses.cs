using System.Globalization;

namespace IcsComplaints.Bench.Intake;

/// <summary>One part of the stack: a named process and every process under it.</summary>
/// <param name="Name">postgres, rabbitmq, clamd, smtp4dev or the service's name.</param>
/// <param name="Pid">The process ./ics started (its PID file).</param>
/// <param name="IsService">One of the platform's .NET services or the gateway (./ics's run directory), not infrastructure.</param>
internal sealed record StackPart(string Name, int Pid, bool IsService);

/// <summary>Processor time (seconds) and memory (kB) of one part at one moment.</summary>
internal sealed record PartUsage(string Name, double CpuSeconds, long RssKb, long PssKb, int Processes);

/// <summary>
/// The processes of the stack ./ics runs, found by the PID files under its state directory, and what they use, read
/// from /proc. A part's processor time is its own and its live descendants' (utime + stime) plus what its exited
/// children used (cutime + cstime, which the kernel adds to a parent once it reaps them): so every PostgreSQL backend
/// counts, including those that ended during the run. Memory is each process's resident and proportional set size
/// (/proc/PID/smaps_rollup): the proportional one shares pages such as PostgreSQL's shared buffers between the
/// processes mapping them, so it adds up across processes where the resident one would count them many times.
/// </summary>
internal static class StackProcesses
{
    // USER_HZ: the unit of the times in /proc/PID/stat, 100 on every Linux architecture .NET runs on.
    private const double TicksPerSecond = 100;

    public static List<StackPart> Find(string stateDirectory)
    {
        var parts = new List<StackPart>();
        void Add(string name, string pidFile, bool isService = false)
        {
            var path = Path.Combine(stateDirectory, pidFile);
            if (File.Exists(path) && int.TryParse(File.ReadLines(path).FirstOrDefault()?.Trim(), CultureInfo.InvariantCulture, out var pid) &&
                Directory.Exists($"/proc/{pid}"))
            {
                parts.Add(new StackPart(name, pid, isService));
            }
        }
        Add("postgres", "pg/data/postmaster.pid");
        Add("rabbitmq", "rabbitmq/rabbit.pid");
        Add("clamd", "clamd.pid");
        Add("smtp4dev", "smtp4dev.pid");
        var run = Path.Combine(stateDirectory, "run");
        if (Directory.Exists(run))
        {
            foreach (var file in Directory.GetFiles(run, "*.pid").Order(StringComparer.Ordinal))
            {
                Add(Path.GetFileNameWithoutExtension(file), Path.Combine("run", Path.GetFileName(file)), isService: true);
            }
        }
        return parts;
    }

    public static List<PartUsage> Measure(IEnumerable<StackPart> parts, bool memory)
    {
        var stats = ReadAllStats();
        var children = stats.Values.ToLookup(s => s.ParentPid);
        var usages = new List<PartUsage>();
        foreach (var part in parts)
        {
            if (!stats.TryGetValue(part.Pid, out var root))
            {
                usages.Add(new PartUsage(part.Name, 0, 0, 0, 0));
                continue;
            }
            var tree = new List<Stat> { root };
            for (var i = 0; i < tree.Count; i++)
            {
                tree.AddRange(children[tree[i].Pid]);
            }
            // Each process's own time, plus the reaped children of each: a child still alive is counted as itself.
            var ticks = tree.Sum(s => s.UserTicks + s.SystemTicks + s.ChildUserTicks + s.ChildSystemTicks);
            long rss = 0, pss = 0;
            if (memory)
            {
                foreach (var process in tree)
                {
                    var (processRss, processPss) = ReadMemory(process.Pid);
                    rss += processRss;
                    pss += processPss;
                }
            }
            usages.Add(new PartUsage(part.Name, ticks / TicksPerSecond, rss, pss, tree.Count));
        }
        return usages;
    }

    private sealed record Stat(int Pid, int ParentPid, long UserTicks, long SystemTicks, long ChildUserTicks, long ChildSystemTicks);

    private static Dictionary<int, Stat> ReadAllStats()
    {
        var stats = new Dictionary<int, Stat>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }
            try
            {
                var text = File.ReadAllText(Path.Combine(directory, "stat"));
                // The command name (field 2) is in parentheses and may hold spaces: the fields that follow start
                // after its last ")". Field 4 is the parent, 14–17 utime, stime, cutime, cstime (proc(5)).
                var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
                stats[pid] = new Stat(
                    pid,
                    int.Parse(fields[1], CultureInfo.InvariantCulture),
                    long.Parse(fields[11], CultureInfo.InvariantCulture),
                    long.Parse(fields[12], CultureInfo.InvariantCulture),
                    long.Parse(fields[13], CultureInfo.InvariantCulture),
                    long.Parse(fields[14], CultureInfo.InvariantCulture));
            }
            catch (IOException)
            {
                // The process ended while being read.
            }
        }
        return stats;
    }

    private static (long RssKb, long PssKb) ReadMemory(int pid)
    {
        try
        {
            long rss = 0, pss = 0;
            foreach (var line in File.ReadLines($"/proc/{pid}/smaps_rollup"))
            {
                if (line.StartsWith("Rss:", StringComparison.Ordinal))
                {
                    rss = Kilobytes(line);
                }
                else if (line.StartsWith("Pss:", StringComparison.Ordinal))
                {
                    pss = Kilobytes(line);
                }
            }
            return (rss, pss);
        }
        catch (IOException)
        {
            return (0, 0);
        }
    }

    private static long Kilobytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}
