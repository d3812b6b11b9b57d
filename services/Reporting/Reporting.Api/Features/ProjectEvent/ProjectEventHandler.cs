using IcsComplaints.Reporting.Api.Data;

namespace IcsComplaints.Reporting.Api.Features.ProjectEvent;

/// <summary>An event consumed: logged and projected in the consumer's transaction, so the log and the read models never disagree.</summary>
public static class ProjectEventHandler
{
    /// <summary>Waits out a rebuild, appends the event to the log and applies it, in the unit of work of <paramref name="db"/>.</summary>
    public static async Task HandleAsync(ReportingDbContext db, Guid messageId, object message, DateTimeOffset at, CancellationToken ct)
    {
        var log = new EventLog(db);
        await log.HoldOffRebuildAsync(ct);
        log.Append(Projection.ToLogged(messageId, message, at));
        await Projection.ApplyAsync(new FactStore(db), message, ct);
    }
}
