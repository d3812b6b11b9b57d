using System.Text.RegularExpressions;
using IcsComplaints.ServiceDefaults;
using IcsComplaints.TestKit;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.Messaging.Tests;

/// <summary>
/// A service's pooled database connections go back to the pool without <c>DISCARD ALL</c>
/// (<see cref="DatabaseExtensions.ConfigureNpgsql"/>), which is safe only while nothing a unit of work does outlives
/// its transaction. These tests hold both halves: the reset is skipped, and no service code leaves session state.
/// </summary>
public sealed partial class PooledConnectionTests(TestInfrastructure infrastructure)
{
    [Fact]
    public async Task AContextsConnection_IsReusedWithoutDiscardingTheSession()
    {
        await using var database = await infrastructure.CreateDatabaseAsync("pooled");
        var options = DatabaseExtensions.OptionsFor<MessagingTestDbContext>(database.ConnectionString, MessagingTestDbContext.Schema);

        // A session setting survives the connection's return to the pool only when no reset ran.
        await using (var first = new MessagingTestDbContext(options))
        {
            await first.Database.ExecuteSqlRawAsync("SET application_name = 'left-by-the-first-unit-of-work'");
        }
        await using var second = new MessagingTestDbContext(options);
        var name = await second.Database.SqlQueryRaw<string>("SELECT current_setting('application_name') AS \"Value\"").SingleAsync();

        Assert.Equal("left-by-the-first-unit-of-work", name);
    }

    [Fact]
    public void NoServiceCode_LeavesSessionStateOnAPooledConnection()
    {
        var offences = Directory.EnumerateFiles(Repository.PathOf("services"), "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Repository.PathOf("gateway"), "*.cs", SearchOption.AllDirectories))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(path => File.ReadLines(path).Select((line, index) => (path, line, number: index + 1)))
            .Where(l => SessionState().IsMatch(l.line))
            // The outbox relay listens on a connection of its own data source, never a context's pool.
            .Where(l => !(l.path.EndsWith("OutboxRelay.cs", StringComparison.Ordinal) && l.line.Contains("LISTEN", StringComparison.Ordinal)))
            .Select(l => $"{Path.GetRelativePath(Repository.Root, l.path)}:{l.number}: {l.line.Trim()}")
            .ToList();

        Assert.Empty(offences);
    }

    [Fact]
    public void TheScan_FindsEachKindOfSessionState()
    {
        string[] samples =
        [
            "SELECT pg_advisory_lock(1)", "SELECT pg_try_advisory_lock(1)", "SET statement_timeout = 0", "SET SESSION x = 1",
            "CREATE TEMP TABLE t (id int)", "CREATE TEMPORARY TABLE t (id int)", "LISTEN channel", "SELECT set_config('a', 'b', false)",
            "PREPARE q AS SELECT 1",
        ];
        string[] allowed = ["SELECT pg_advisory_xact_lock(1)", "SET LOCAL enable_seqscan = off", "SELECT pg_advisory_xact_lock_shared(1, 2)"];

        Assert.All(samples, sample => Assert.Matches(SessionState(), sample));
        Assert.All(allowed, sample => Assert.DoesNotMatch(SessionState(), sample));
    }

    // Session-scoped locks, settings, temporary tables, listeners and prepared statements: what DISCARD ALL would clear.
    // SQL here is written in capitals, so matching them alone keeps prose ("listen", "set") out; a SET that starts a
    // statement is a session setting, one inside an UPDATE is not.
    [GeneratedRegex(@"pg_(try_)?advisory_lock(_shared)?\(|(^|[""';]\s*)SET\s+(?!LOCAL\b)\w|CREATE\s+TEMP(ORARY)?\s+TABLE|\bLISTEN\s+""?\w|set_config\([^)]*false\s*\)|\bPREPARE\s+\w+\s+AS\b")]
    private static partial Regex SessionState();
}
