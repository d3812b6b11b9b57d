using IcsComplaints.Reporting.Api.Data;
using IcsComplaints.Reporting.Api.Features.ProjectEvent;

namespace IcsComplaints.Reporting.Api.Features.Rebuild;

/// <summary>Rebuilds every read model from the event log (ADR 15).</summary>
public static class ReadModels
{
    /// <summary>
    /// Empties the read models and replays the log in order, in one transaction that first waits for events being
    /// applied and then holds new ones back, so nothing is applied twice or missed. Returns the events replayed.
    /// </summary>
    public static Task<long> RebuildAsync(ReportingDbContext db, CancellationToken ct, int batch = 5_000)
    {
        var facts = new FactStore(db);
        return new EventLog(db).ReplayAsync((logged, token) => Projection.ApplyAsync(facts, Projection.Read(logged), token), batch, ct);
    }
}
