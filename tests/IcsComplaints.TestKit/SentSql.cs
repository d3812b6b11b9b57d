using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace IcsComplaints.TestKit;

/// <summary>
/// Records every statement EF Core sends, in any host of the test process, while it is alive: the text, the values of
/// its parameters, the context that sent it and the connection it went to. What the services really send can then be
/// planned (<see cref="QueryPlans"/>), where hand-written SQL would drift from the code.
/// </summary>
/// <remarks>
/// EF Core announces each command on its <see cref="DiagnosticListener"/> before running it; listening there sees every
/// service's context without changing how any host is built.
/// </remarks>
public sealed partial class SentSql : IObserver<DiagnosticListener>, IDisposable
{
    private readonly ConcurrentQueue<SentStatement> _statements = new();
    private readonly List<IDisposable> _subscriptions = [];
    private readonly IDisposable _listeners;
    private bool _stopped;

    private SentSql() => _listeners = DiagnosticListener.AllListeners.Subscribe(this);

    /// <summary>
    /// True within a test's own query of a service's database (<see cref="ServiceHost{TEntryPoint}.QueryAsync"/>):
    /// what the test asks is not what the service sends, and is not recorded.
    /// </summary>
    internal static AsyncLocal<bool> TestsOwnQuery { get; } = new();

    /// <summary>Starts recording; disposing stops it.</summary>
    public static SentSql Record() => new();

    /// <summary>Every statement sent through a context of <typeparamref name="TContext"/> so far, batches split.</summary>
    public IReadOnlyList<SentStatement> Of<TContext>()
        where TContext : DbContext => [.. _statements.Where(s => s.Context == typeof(TContext))];

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(new Listener(this)));
            }
        }
    }

    void IObserver<DiagnosticListener>.OnError(Exception error)
    {
    }

    void IObserver<DiagnosticListener>.OnCompleted()
    {
    }

    private void Add(CommandEventData data)
    {
        if (_stopped || TestsOwnQuery.Value || data.Context is not { } context || data.Command is not NpgsqlCommand command)
        {
            return;
        }
        var connectionString = context.Database.GetConnectionString() ?? command.Connection?.ConnectionString;
        if (connectionString is null)
        {
            return;
        }
        var parameters = command.Parameters.Select(p => p.Clone()).ToList();
        // A SaveChanges batch is one command of statements each ending in ";" at the end of a line.
        foreach (var statement in StatementEnd().Split(command.CommandText).Select(s => s.Trim()).Where(s => s.Length > 0))
        {
            _statements.Enqueue(new SentStatement(context.GetType(), connectionString, statement, parameters));
        }
    }

    public void Dispose()
    {
        _stopped = true;
        _listeners.Dispose();
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
        }
    }

    [GeneratedRegex(@";\s*(\r?\n|$)")]
    private static partial Regex StatementEnd();

    private sealed class Listener(SentSql owner) : IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == RelationalEventId.CommandExecuting.Name && value.Value is CommandEventData data)
            {
                owner.Add(data);
            }
        }

        public void OnError(Exception error)
        {
        }

        public void OnCompleted()
        {
        }
    }
}

/// <summary>One statement a service sent, with its parameters as they were bound.</summary>
/// <param name="Context">The EF Core context that sent it (the service's).</param>
/// <param name="ConnectionString">The connection it went to (the service's runtime role).</param>
/// <param name="Sql">The statement's text.</param>
/// <param name="Parameters">The command's parameters, as bound; a statement of a batch references some of them.</param>
public sealed record SentStatement(Type Context, string ConnectionString, string Sql, IReadOnlyList<NpgsqlParameter> Parameters)
{
    /// <summary>True for a statement that reads rows to find them (a query, or a change of rows found by a condition).</summary>
    public bool FindsRows => Regex.IsMatch(Sql, @"^\s*(SELECT|UPDATE|DELETE|WITH)\b", RegexOptions.IgnoreCase);

    public override string ToString() => Sql;
}

/// <summary>Statements sent by a service, planned by PostgreSQL as they were bound.</summary>
public static class QueryPlans
{
    /// <summary>
    /// The tables read by <paramref name="statement"/>'s plan, with its own parameter values and sequential scans
    /// priced out (<c>enable_seqscan = off</c>). A table still read in full when a sequential scan costs almost
    /// nothing to avoid is one no index can answer the statement from. With <paramref name="walkingAnIndex"/>, bitmap
    /// scans are priced out too: on a test database's few hundred rows, a bitmap over any index whose condition covers
    /// the statement looks as cheap as walking, in order, the one index that serves a page of it on a full table, and
    /// the planner picks between them by a hair; asked to walk an index, it names the one it would use at scale.
    /// </summary>
    public static async Task<IReadOnlyList<Scan>> PlanAsync(SentStatement statement, bool walkingAnIndex = false)
    {
        ArgumentNullException.ThrowIfNull(statement);
        await using var connection = new NpgsqlConnection(statement.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var off = new NpgsqlCommand(walkingAnIndex ? "SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off" : "SET LOCAL enable_seqscan = off", connection, transaction))
        {
            await off.ExecuteNonQueryAsync();
        }
        await using var explain = new NpgsqlCommand("EXPLAIN (FORMAT JSON) " + statement.Sql, connection, transaction);
        foreach (var parameter in statement.Parameters)
        {
            explain.Parameters.Add(parameter.Clone());
        }
        var plan = (string)(await explain.ExecuteScalarAsync())!;
        await transaction.RollbackAsync();
        using var document = System.Text.Json.JsonDocument.Parse(plan);
        var scans = new List<Scan>();
        Walk(document.RootElement[0].GetProperty("Plan"), scans);
        return scans;
    }

    /// <summary>Tables every service has that stay small whatever the number of complaints, so reading them in full costs the same.</summary>
    public static readonly IReadOnlyDictionary<string, string> EveryServicesSmallTables = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["data_protection_keys"] = "the service's own few encryption keys, read whole by ASP.NET Core data protection",
        ["__ef_migrations_history"] = "one row per migration",
    };

    /// <summary>
    /// Every statement of <paramref name="statements"/> that finds rows and reads in full (<see cref="Scan.ReadsInFull"/>) a table not in
    /// <paramref name="smallTables"/> nor <see cref="EveryServicesSmallTables"/>, described with the tables it reads in
    /// full, for a failure message.
    /// </summary>
    public static async Task<IReadOnlyList<string>> FullReadsAsync(IEnumerable<SentStatement> statements, IReadOnlyDictionary<string, string>? smallTables = null)
    {
        ArgumentNullException.ThrowIfNull(statements);
        var found = new List<string>();
        foreach (var statement in statements.Where(s => s.FindsRows).DistinctBy(s => s.Sql))
        {
            var plan = await PlanAsync(statement);
            var growing = plan.Where(scan => scan.ReadsInFull && !(smallTables?.ContainsKey(scan.Table) ?? false) && !EveryServicesSmallTables.ContainsKey(scan.Table)).Select(scan => scan.Table).Distinct().ToList();
            if (growing.Count > 0)
            {
                found.Add($"reads {string.Join(", ", growing)} in full: {statement.Sql}\n  plan: {string.Join("; ", plan)}");
            }
        }
        return found;
    }

    /// <summary>
    /// Fails, naming each statement and what it reads in full, unless no statement of <paramref name="statements"/>
    /// reads in full a table not in <paramref name="smallTables"/>.
    /// </summary>
    public static async Task AssertNoneReadInFullAsync(IEnumerable<SentStatement> statements, IReadOnlyDictionary<string, string>? smallTables = null)
    {
        var found = await FullReadsAsync(statements, smallTables);
        Xunit.Assert.True(found.Count == 0, string.Join("\n\n", found));
    }

    private static void Walk(System.Text.Json.JsonElement node, List<Scan> scans)
    {
        string? Text(string property) => node.TryGetProperty(property, out var value) ? value.GetString() : null;
        if (Text("Relation Name") is { } table)
        {
            scans.Add(new Scan(Text("Node Type")!, table, Text("Index Name") ?? BitmapIndexes(node), Text("Index Cond") ?? Text("Recheck Cond"), Text("Filter")));
        }
        if (node.TryGetProperty("Plans", out var children))
        {
            foreach (var child in children.EnumerateArray())
            {
                Walk(child, scans);
            }
        }
    }

    // A bitmap heap scan names no index of its own: the bitmap index scans beneath it (under BitmapAnd or BitmapOr when
    // it combines several) do.
    private static string? BitmapIndexes(System.Text.Json.JsonElement node)
    {
        var names = new List<string>();
        void Collect(System.Text.Json.JsonElement at)
        {
            if (!at.TryGetProperty("Plans", out var children))
            {
                return;
            }
            foreach (var child in children.EnumerateArray())
            {
                if (child.TryGetProperty("Index Name", out var name) && !child.TryGetProperty("Relation Name", out _))
                {
                    names.Add(name.GetString()!);
                }
                Collect(child);
            }
        }
        Collect(node);
        return names.Count == 0 ? null : string.Join(" + ", names);
    }

    /// <summary>One table read by a plan, and how.</summary>
    /// <param name="Kind">The plan node: <c>Seq Scan</c>, <c>Index Scan</c>, <c>Bitmap Heap Scan</c>, …</param>
    /// <param name="Table">The table read.</param>
    /// <param name="Index">The index read, if any; a bitmap heap scan's indexes joined by " + ".</param>
    /// <param name="IndexCondition">What finds the rows in the index, if anything; for a bitmap heap scan, what its indexes were searched for.</param>
    /// <param name="Filter">What drops rows once read, if anything.</param>
    public sealed record Scan(string Kind, string Table, string? Index, string? IndexCondition, string? Filter)
    {
        /// <summary>
        /// A sequential scan. A whole index walked with a filter is not counted: on the few rows of a test database the
        /// planner rightly prefers it to combining two indexes, where on a full table it would not.
        /// </summary>
        public bool ReadsInFull => Kind == "Seq Scan";

        public override string ToString() =>
            $"{Kind} on {Table}{(Index is null ? "" : " using " + Index)}{(IndexCondition is null ? "" : " cond " + IndexCondition)}{(Filter is null ? "" : " filter " + Filter)}";
    }
}
