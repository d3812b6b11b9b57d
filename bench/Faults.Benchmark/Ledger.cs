using System.Diagnostics;
using Npgsql;

namespace IcsComplaints.Bench.Faults;

/// <summary>What became of one phase's complaints, counted in each service's own database.</summary>
/// <param name="Submitted">Complaints the client set out to record.</param>
/// <param name="Accepted">Answered 2xx.</param>
/// <param name="Unanswered">Given up after three minutes of retries, or refused with a 4xx.</param>
/// <param name="Lost">Accepted but missing: not in intake, without a case, not in reporting, or without the
/// correspondence an oral complaint is owed.</param>
/// <param name="Duplicated">Recorded or carried out more than once: two ids for one key, two complaints in intake for
/// one planned complaint, two cases or two reporting rows for one complaint, two messages of one kind to one recipient.</param>
/// <param name="ResentMessages">Correspondence messages sent after more than one attempt (ADR 39's crash window:
/// the first attempt may or may not have reached the mail server).</param>
public sealed record Account(int Submitted, int Accepted, int Unanswered, int Lost, int Duplicated, int ResentMessages)
{
    public bool Clean => Unanswered == 0 && Lost == 0 && Duplicated == 0;
}

/// <summary>
/// Counts every complaint of the run where each service keeps it: intake's complaints and idempotency records,
/// case's cases, reporting's facts and correspondence's messages. Read under each service's runtime role.
/// </summary>
public sealed class Ledger(StackSettings stack, string marker)
{
    private const string OralComplaintRecord = "oral-complaint-record";

    /// <summary>
    /// Waits until every accepted complaint has its case, its reporting facts and what correspondence owes it, or
    /// the time is up; returns how long that took, or null if it never happened.
    /// </summary>
    public async Task<TimeSpan?> SettleAsync(IReadOnlyCollection<SubmittedComplaint> complaints, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            try
            {
                if (await MissingAsync(complaints) == 0)
                {
                    return clock.Elapsed;
                }
            }
            catch (NpgsqlException)
            {
                // The database is still coming back: look again.
            }
            await Task.Delay(250);
        }
        return null;
    }

    /// <summary>Accepted complaints not yet everywhere they should be.</summary>
    public async Task<int> MissingAsync(IReadOnlyCollection<SubmittedComplaint> complaints)
    {
        var (withoutCase, notReported, notWritten) = await MissingWhereAsync(complaints);
        return withoutCase.Count + notReported.Count(id => !withoutCase.Contains(id)) + notWritten;
    }

    /// <summary>
    /// Accepted complaints without a case, those without reporting's case facts, and oral complaints whose written
    /// record correspondence has not queued.
    /// </summary>
    public async Task<(HashSet<Guid> WithoutCase, HashSet<Guid> NotReported, int NotWritten)> MissingWhereAsync(IReadOnlyCollection<SubmittedComplaint> complaints)
    {
        var ids = Accepted(complaints).Select(c => c.ComplaintId!.Value).ToArray();
        var cases = await CountPerComplaintAsync("casedb", """SELECT complaint_id, count(*) FROM "case".cases WHERE complaint_id = ANY(@ids) GROUP BY 1""", ids);
        var reported = await CountPerComplaintAsync("reportingdb", "SELECT complaint_id, count(*) FROM reporting.case_facts WHERE complaint_id = ANY(@ids) GROUP BY 1", ids);
        var oral = Accepted(complaints).Where(c => c.Planned.Oral).Select(c => c.ComplaintId!.Value).ToArray();
        var written = await CountPerComplaintAsync(
            "correspondencedb", $"SELECT complaint_id, count(*) FROM correspondence.messages WHERE complaint_id = ANY(@ids) AND template = '{OralComplaintRecord}' GROUP BY 1", oral);
        return (ids.Where(id => !cases.ContainsKey(id)).ToHashSet(), ids.Where(id => !reported.ContainsKey(id)).ToHashSet(), oral.Count(id => !written.ContainsKey(id)));
    }

    /// <summary>Counts each phase's complaints in every database.</summary>
    public async Task<IReadOnlyDictionary<string, Account>> CountAsync(IReadOnlyCollection<SubmittedComplaint> complaints)
    {
        var accepted = Accepted(complaints).ToList();
        var ids = accepted.Select(c => c.ComplaintId!.Value).ToArray();
        // Every complaint intake holds for this run, by the number its description carries, answered or not.
        var inIntake = await RowsAsync("intakedb",
            "SELECT id, substring(description from 'complaint ([0-9]+)\\.\\)$')::int FROM intake.complaints WHERE description LIKE @marker",
            command => command.Parameters.AddWithValue("marker", $"%{marker}%"),
            reader => (Id: reader.GetGuid(0), Number: reader.GetInt32(1)));
        var intakeByNumber = inIntake.ToLookup(r => r.Number, r => r.Id);
        var cases = await CountPerComplaintAsync("casedb", """SELECT complaint_id, count(*) FROM "case".cases WHERE complaint_id = ANY(@ids) GROUP BY 1""", ids);
        var facts = await CountPerComplaintAsync("reportingdb", "SELECT complaint_id, count(*) FROM reporting.complaint_facts WHERE complaint_id = ANY(@ids) GROUP BY 1", ids);
        var caseFacts = await CountPerComplaintAsync("reportingdb", "SELECT complaint_id, count(*) FROM reporting.case_facts WHERE complaint_id = ANY(@ids) GROUP BY 1", ids);
        var messages = await RowsAsync("correspondencedb",
            "SELECT complaint_id, template, count(*)::int, count(*) FILTER (WHERE status = 'Sent' AND attempts > 1)::int FROM correspondence.messages WHERE complaint_id = ANY(@ids) GROUP BY complaint_id, template, recipient_role, recipient_code",
            command => command.Parameters.AddWithValue("ids", ids),
            reader => (Complaint: reader.GetGuid(0), Template: reader.GetString(1), Count: reader.GetInt32(2), Resent: reader.GetInt32(3)));
        var messagesOf = messages.ToLookup(m => m.Complaint);

        return complaints.GroupBy(c => c.Phase).ToDictionary(g => g.Key, g =>
        {
            int lost = 0, duplicated = 0, resent = 0;
            foreach (var complaint in g)
            {
                var recorded = intakeByNumber[complaint.Planned.Number].ToList();
                duplicated += Math.Max(0, recorded.Count - 1) + Math.Max(0, complaint.DistinctIdsAnswered - 1);
                if (complaint.ComplaintId is not { } id)
                {
                    continue;
                }
                var ofThis = messagesOf[id].ToList();
                var oralRecords = ofThis.Where(m => m.Template == OralComplaintRecord).Sum(m => m.Count);
                var missing = !recorded.Contains(id) || !cases.ContainsKey(id) || !facts.ContainsKey(id) || !caseFacts.ContainsKey(id)
                    || (complaint.Planned.Oral && oralRecords == 0);
                lost += missing ? 1 : 0;
                duplicated += Over(cases, id) + Over(facts, id) + Over(caseFacts, id) + ofThis.Sum(m => Math.Max(0, m.Count - 1));
                resent += ofThis.Sum(m => m.Resent);
            }
            var submitted = g.Count();
            var acceptedHere = g.Count(c => c.ComplaintId is not null);
            return new Account(submitted, acceptedHere, submitted - acceptedHere, lost, duplicated, resent);
        });

        static int Over(Dictionary<Guid, long> counts, Guid id) => counts.TryGetValue(id, out var n) ? (int)Math.Max(0, n - 1) : 0;
    }

    private static IEnumerable<SubmittedComplaint> Accepted(IEnumerable<SubmittedComplaint> complaints) => complaints.Where(c => c.ComplaintId is not null);

    private async Task<Dictionary<Guid, long>> CountPerComplaintAsync(string database, string sql, Guid[] ids)
    {
        var rows = await RowsAsync(database, sql, command => command.Parameters.AddWithValue("ids", ids), reader => (reader.GetGuid(0), reader.GetInt64(1)));
        return rows.ToDictionary(r => r.Item1, r => r.Item2);
    }

    private async Task<List<T>> RowsAsync<T>(string database, string sql, Action<NpgsqlCommand> parameters, Func<NpgsqlDataReader, T> read)
    {
        // No pool: after a PostgreSQL restart a pooled connection would be a dead one.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(stack.Databases[database]) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        parameters(command);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }
        return rows;
    }
}
