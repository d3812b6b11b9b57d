namespace IcsComplaints.Bench.Intake;

/// <summary>
/// ./ics bench store [--complaints N]: tops the running stack up to N complaints stored (StoredComplaints), for the
/// benchmarks that need data already there or to look at the platform with years of complaints in it.
/// </summary>
internal static class StoreRun
{
    public static async Task RunAsync(StackSettings settings)
    {
        var target = settings.Number("--complaints", 1_000_000);
        var stored = settings.Stored;
        Console.WriteLine(FormattableString.Invariant($"# Complaints stored ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, stack under {settings.State})"));
        Console.WriteLine();
        Console.WriteLine(Describe(await stored.TopUpAsync(target)));
    }

    public static string Describe(TopUp topUp) => FormattableString.Invariant(
        $"intakedb held {topUp.Before:N0} complaints and holds {topUp.After:N0}: {topUp.Added:N0} stored, with their cases and facts, in {topUp.Seconds:0} s ({topUp.RowsPerSecond:N0} complaints a second, ANALYZE included).");
}
