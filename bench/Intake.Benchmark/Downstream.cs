using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using IcsComplaints.TestKit;
using Npgsql;

namespace IcsComplaints.Bench.Intake;

/// <summary>How the accepted complaints stand in each service's database.</summary>
/// <param name="Stored">Accepted complaints stored in intakedb under the identifier and reference intake answered with.</param>
/// <param name="StoredSinceStart">Complaints intakedb stored since the run began, whoever answered: more than were accepted would be a request that failed yet stored one.</param>
/// <param name="InReporting">Accepted complaints reporting has a fact for.</param>
/// <param name="ByRoute">
/// Per route intake gave them: complaints, and cases the case service opened for them. Every complaint opens a case
/// (ComplaintSubmittedConsumer): one whose route awaits consent or the ICB's decision opens it waiting for routing.
/// </param>
internal sealed record Accounting(long Stored, long StoredSinceStart, long InReporting, List<(string Route, long Complaints, long Cases)> ByRoute)
{
    public long Cases => ByRoute.Sum(r => r.Cases);
}

/// <summary>
/// Reads intakedb, casedb and reportingdb for the complaints a run had accepted, each as its service's runtime role
/// (the administrator may not connect to a service's database, ADR 17): connection strings by database name; and the
/// platform's RabbitMQ virtual host through the management API.
/// </summary>
internal sealed class Downstream(IReadOnlyDictionary<string, string> connectionStrings, TestInfrastructure infrastructure, string virtualHost)
{
    private const string StoredUnderReference =
        "SELECT count(*) FROM intake.complaints c JOIN unnest($1::uuid[], $2::text[]) AS a(id, reference) ON a.id = c.id AND a.reference = c.reference";
    private const string StoredSince = "SELECT count(*) FROM intake.complaints WHERE submitted_at >= $1";
    private const string Routes = "SELECT id, route FROM intake.complaints WHERE id = ANY($1)";
    private const string WithCase = "SELECT DISTINCT complaint_id FROM \"case\".cases WHERE complaint_id = ANY($1)";
    private const string CasesOpened = "SELECT count(DISTINCT complaint_id) FROM \"case\".cases WHERE complaint_id = ANY($1)";
    private const string CasesRecorded = "SELECT count(*) FROM intake.complaints WHERE id = ANY($1) AND case_id IS NOT NULL";
    private const string Reported = "SELECT count(*) FROM reporting.complaint_facts WHERE complaint_id = ANY($1)";

    /// <summary>
    /// What this class asks the databases, as pg_stat_statements shows it: the benchmark's own questions, whose pages
    /// follow how many complaints a run accepted, not the services' work (GrowingStatements leaves them out).
    /// </summary>
    public static readonly IReadOnlySet<string> OwnStatements =
        new HashSet<string>([StoredUnderReference, StoredSince, Routes, WithCase, CasesOpened, CasesRecorded, Reported], StringComparer.Ordinal);

    public async Task<Accounting> CountAsync(IReadOnlyCollection<Accepted> accepted, DateTimeOffset runStart)
    {
        var ids = accepted.Select(a => a.Id).ToArray();
        var references = accepted.Select(a => a.Reference).ToArray();
        var stored = await ScalarAsync("intakedb", StoredUnderReference, ids, references);
        var storedSinceStart = await ScalarAsync("intakedb", StoredSince, runStart);
        var inReporting = await ReportedAsync(ids);
        var routes = new Dictionary<Guid, string>();
        await using (var intake = await OpenAsync("intakedb"))
        await using (var command = new NpgsqlCommand(Routes, intake))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = ids });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                routes[reader.GetGuid(0)] = reader.GetString(1);
            }
        }
        var withCase = new HashSet<Guid>();
        await using (var cases = await OpenAsync("casedb"))
        await using (var command = new NpgsqlCommand(WithCase, cases))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = ids });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                withCase.Add(reader.GetGuid(0));
            }
        }
        var byRoute = routes.GroupBy(r => r.Value)
            .Select(g => (g.Key, (long)g.Count(), (long)g.Count(r => withCase.Contains(r.Key))))
            .OrderBy(r => r.Key, StringComparer.Ordinal)
            .ToList();
        return new Accounting(stored, storedSinceStart, inReporting, byRoute);
    }

    /// <summary>
    /// Waits until reporting has a fact and the case service a case for every accepted complaint, intake has recorded
    /// each case opened, and no message waits in any queue of the platform's virtual host (so the work a run caused
    /// has been done, and its processor time counted), or until <paramref name="limit"/>; returns how long it took
    /// (null if not reached).
    /// </summary>
    public async Task<TimeSpan?> WaitUntilCaughtUpAsync(IReadOnlyCollection<Accepted> accepted, TimeSpan limit)
    {
        var ids = accepted.Select(a => a.Id).ToArray();
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < limit)
        {
            if (await ReportedAsync(ids) >= ids.Length &&
                await ScalarAsync("casedb", CasesOpened, ids) >= ids.Length &&
                await ScalarAsync("intakedb", CasesRecorded, ids) >= ids.Length &&
                await QueuedMessagesAsync() == 0)
            {
                return watch.Elapsed;
            }
            await Task.Delay(500);
        }
        return null;
    }

    // Ready and unacknowledged messages in every queue of the virtual host, as the management API last sampled them.
    private async Task<long> QueuedMessagesAsync()
    {
        using var management = infrastructure.ManagementClient();
        var queues = await management.GetFromJsonAsync<JsonElement>(new Uri($"api/queues/{Uri.EscapeDataString(virtualHost)}?columns=name,messages", UriKind.Relative));
        return queues.EnumerateArray().Sum(q => q.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Number ? messages.GetInt64() : 0);
    }

    private Task<long> ReportedAsync(Guid[] ids) =>
        ScalarAsync("reportingdb", Reported, ids);

    private async Task<NpgsqlConnection> OpenAsync(string database)
    {
        var connection = new NpgsqlConnection(connectionStrings[database]);
        await connection.OpenAsync();
        return connection;
    }

    private async Task<long> ScalarAsync(string database, string sql, params object[] parameters)
    {
        await using var connection = await OpenAsync(database);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
