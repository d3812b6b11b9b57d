using System.Collections.Concurrent;
using System.Diagnostics;
using Npgsql;

namespace IcsComplaints.Bench.Intake;

/// <summary>How long after its 2xx answer one accepted complaint became visible downstream, in milliseconds.</summary>
/// <param name="CaseVisible">Until the case service had committed a case for it.</param>
/// <param name="Reported">Until reporting counted it: its case's fact has an organisation and a received date.</param>
internal readonly record struct Lag(double CaseVisible, double Reported);

/// <summary>
/// Watches casedb and reportingdb, as the services' runtime roles, for the complaints a run accepts, while the run goes
/// on: every <see cref="Interval"/> it asks each database which of the complaints not yet seen there are now visible,
/// and notes the time. A lag is therefore measured to within one interval plus one query; the queries go by the
/// complaints' identifiers through indexes (case's <c>ix_cases_complaint_id_all</c>, reporting's index on
/// <c>case_facts.complaint_id</c>) and cost little beside the load.
/// </summary>
internal sealed class LagWatch(string caseConnectionString, string reportingConnectionString)
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);

    private readonly Dictionary<Guid, Accepted> _waitingForCase = [];
    private readonly Dictionary<Guid, Accepted> _waitingForReport = [];
    private readonly Dictionary<Guid, double> _caseVisible = [];
    private readonly Dictionary<Guid, double> _reported = [];

    /// <summary>Complaints still not visible in one of the two when the watch ended.</summary>
    public int NeverSeen => _waitingForCase.Count + _waitingForReport.Count;

    /// <summary>
    /// Takes accepted complaints from <paramref name="accepted"/> as the run adds them and watches until
    /// <paramref name="runEnded"/> completes and every one is visible in both, or until <paramref name="limit"/>
    /// after the run ended.
    /// </summary>
    public async Task<IReadOnlyList<Lag>> WatchAsync(ConcurrentQueue<Accepted> accepted, Task runEnded, TimeSpan limit)
    {
        await using var cases = new NpgsqlConnection(caseConnectionString);
        await using var reporting = new NpgsqlConnection(reportingConnectionString);
        await cases.OpenAsync();
        await reporting.OpenAsync();
        var sinceRunEnded = new Stopwatch();
        while (!runEnded.IsCompleted || _waitingForCase.Count + _waitingForReport.Count > 0 || !accepted.IsEmpty)
        {
            if (runEnded.IsCompleted && !sinceRunEnded.IsRunning)
            {
                sinceRunEnded.Start();
            }
            if (sinceRunEnded.Elapsed > limit)
            {
                break;
            }
            while (accepted.TryDequeue(out var one))
            {
                _waitingForCase[one.Id] = one;
                _waitingForReport[one.Id] = one;
            }
            await SeeAsync(cases, "SELECT DISTINCT complaint_id FROM \"case\".cases WHERE complaint_id = ANY($1)", _waitingForCase, _caseVisible);
            await SeeAsync(reporting, "SELECT complaint_id FROM reporting.case_facts WHERE complaint_id = ANY($1) AND received_on IS NOT NULL", _waitingForReport, _reported);
            await Task.Delay(Interval);
        }
        await runEnded;
        return _caseVisible.Where(c => _reported.ContainsKey(c.Key)).Select(c => new Lag(c.Value, _reported[c.Key])).ToList();
    }

    private static async Task SeeAsync(NpgsqlConnection connection, string sql, Dictionary<Guid, Accepted> waiting, Dictionary<Guid, double> seen)
    {
        if (waiting.Count == 0)
        {
            return;
        }
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = waiting.Keys.ToArray() });
        var visible = new List<Guid>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                visible.Add(reader.GetGuid(0));
            }
        }
        var now = Stopwatch.GetTimestamp();
        foreach (var id in visible)
        {
            if (waiting.Remove(id, out var one))
            {
                // An answer and the commit downstream can cross within one interval: never a negative lag.
                seen[id] = Math.Max(0, Stopwatch.GetElapsedTime(one.AnsweredAt, now).TotalMilliseconds);
            }
        }
    }
}
