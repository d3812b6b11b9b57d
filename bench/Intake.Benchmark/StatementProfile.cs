using System.Text.RegularExpressions;
using Npgsql;

namespace IcsComplaints.Bench.Intake;

/// <summary>One statement's cost over the run, in one database.</summary>
/// <param name="Database">The database it ran in.</param>
/// <param name="Query">Its text, with constants replaced by placeholders.</param>
/// <param name="Calls">How often it ran.</param>
/// <param name="TotalMilliseconds">The time it took, all calls together.</param>
/// <param name="Rows">The rows it returned or changed.</param>
/// <param name="Pages">Pages of tables and indexes it touched, found in PostgreSQL's buffers or read into them: a measure of work that, unlike time, does not depend on what else the machine was doing.</param>
internal sealed record StatementCost(string Database, string Query, long Calls, double TotalMilliseconds, long Rows, long Pages);

/// <summary>
/// Where PostgreSQL's time went during the run: pg_stat_statements (loaded by ./ics's PostgreSQL) read before and after,
/// the difference taken per statement, so what ran before the run (migrations, the demo data) does not count and
/// nothing has to be reset.
/// </summary>
internal static partial class StatementProfile
{
    private const string Query = """
        SELECT d.datname, s.userid, s.queryid, s.toplevel, s.query, s.calls, s.total_exec_time, s.rows, s.shared_blks_hit + s.shared_blks_read
        FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
        """;

    /// <summary>The statements so far, or null when the extension is not there (a PostgreSQL started without it).</summary>
    public static async Task<Dictionary<(string, long, long, bool), StatementCost>?> SnapshotAsync(string adminConnectionString)
    {
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync();
        try
        {
            await using var command = new NpgsqlCommand(Query, connection);
            await using var reader = await command.ExecuteReaderAsync();
            var statements = new Dictionary<(string, long, long, bool), StatementCost>();
            while (await reader.ReadAsync())
            {
                var key = (reader.GetString(0), Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture), reader.IsDBNull(2) ? 0 : reader.GetInt64(2), reader.GetBoolean(3));
                statements[key] = new StatementCost(key.Item1, reader.IsDBNull(4) ? "" : reader.GetString(4), reader.GetInt64(5), reader.GetDouble(6), reader.GetInt64(7), reader.GetInt64(8));
            }
            return statements;
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.ObjectNotInPrerequisiteState)
        {
            return null;
        }
    }

    /// <summary>
    /// Transactions committed so far, per database (pg_stat_database), read-only ones included: each that wrote
    /// waited for its WAL to reach the disk.
    /// </summary>
    public static async Task<Dictionary<string, long>> CommitsAsync(string adminConnectionString)
    {
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT datname, xact_commit FROM pg_stat_database WHERE datname IS NOT NULL", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var commits = new Dictionary<string, long>();
        while (await reader.ReadAsync())
        {
            commits[reader.GetString(0)] = reader.GetInt64(1);
        }
        return commits;
    }

    /// <summary>The statements' cost between two snapshots, per database (the busiest first), the costliest first.</summary>
    public static List<(string Database, double TotalMilliseconds, List<StatementCost> Top)> Between(
        Dictionary<(string, long, long, bool), StatementCost> before, Dictionary<(string, long, long, bool), StatementCost> after, int top) =>
        [.. Each(before, after).Values
            .GroupBy(cost => cost.Database)
            .Select(g => (g.Key, g.Sum(cost => cost.TotalMilliseconds), g.OrderByDescending(cost => cost.TotalMilliseconds).Take(top).ToList()))
            .OrderByDescending(g => g.Item2)];

    /// <summary>Each statement's cost between two snapshots, by its key, for those called in between.</summary>
    public static Dictionary<(string, long, long, bool), StatementCost> Each(
        Dictionary<(string, long, long, bool), StatementCost> before, Dictionary<(string, long, long, bool), StatementCost> after) =>
        after
            .Select(entry => (entry.Key, Cost: before.TryGetValue(entry.Key, out var earlier)
                ? entry.Value with
                {
                    Calls = entry.Value.Calls - earlier.Calls,
                    TotalMilliseconds = entry.Value.TotalMilliseconds - earlier.TotalMilliseconds,
                    Rows = entry.Value.Rows - earlier.Rows,
                    Pages = entry.Value.Pages - earlier.Pages,
                }
                : entry.Value))
            .Where(each => each.Cost.Calls > 0)
            .ToDictionary(each => each.Key, each => each.Cost);

    /// <summary>Prints the <paramref name="top"/> costliest statements of each database between two snapshots as Markdown tables.</summary>
    public static void Print(
        Dictionary<(string, long, long, bool), StatementCost>? before, Dictionary<(string, long, long, bool), StatementCost>? after, int top)
    {
        if (before is null || after is null)
        {
            Console.WriteLine("pg_stat_statements is not loaded by this PostgreSQL (restart it with ./ics down postgres; ./ics up): no statement profile.");
            return;
        }
        foreach (var (database, totalMilliseconds, costs) in Between(before, after, top))
        {
            Console.WriteLine();
            Console.WriteLine(FormattableString.Invariant($"{database}: {totalMilliseconds / 1000:0.0} s in statements"));
            Console.WriteLine();
            Console.WriteLine("| total ms | calls | ms a call | rows | statement |");
            Console.WriteLine("|---:|---:|---:|---:|---|");
            foreach (var cost in costs)
            {
                Console.WriteLine(FormattableString.Invariant(
                    $"| {cost.TotalMilliseconds:N0} | {cost.Calls:N0} | {cost.TotalMilliseconds / cost.Calls:0.000} | {cost.Rows:N0} | `{OneLine(cost.Query, 160).Replace("|", "\\|", StringComparison.Ordinal)}` |"));
            }
        }
    }

    /// <summary>A statement on one line, shortened.</summary>
    public static string OneLine(string query, int length)
    {
        var line = Whitespace().Replace(query, " ").Trim();
        return line.Length <= length ? line : line[..(length - 1)] + "…";
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
