using IcsComplaints.Calendar;
using IcsComplaints.Case.Api.Data;
using IcsComplaints.Case.Api.Features.KeepInformed;
using IcsComplaints.Case.Api.Features.ShareDraft;
using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Messaging.Outbox;

namespace IcsComplaints.Case.Api.Features.WatchDeadlines;

/// <summary>Settings of the deadline scan (configuration section <c>Cases:Deadlines</c>).</summary>
public sealed class DeadlineScanOptions
{
    /// <summary>Section name.</summary>
    public const string SectionName = "Cases:Deadlines";

    /// <summary>How often to scan.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A deadline this many working days away, or fewer, is announced as approaching.</summary>
    public int DueSoonWorkingDays { get; set; } = 2;

    /// <summary>Open cases read and checked together, in one unit of work.</summary>
    public int PageSize { get; set; } = 500;
}

/// <summary>
/// Finds, on a schedule, the deadlines of open cases that are near or missed — acknowledgement (Reg 13(3)), early
/// resolution, the agreed response date, updates, and the six-month backstop of Reg 14 — and announces each once
/// with <see cref="CaseDeadlineApproaching"/> or <see cref="CaseDeadlineMissed"/>; an update owed today is written
/// (<see cref="ScheduledUpdates"/>). Replicas may scan at the same
/// time: the unique alert record makes each announcement happen once.
/// </summary>
public sealed partial class CaseDeadlineMonitor(
    IServiceScopeFactory scopes, TimeProvider time, WorkingDayCalendar calendar, Microsoft.Extensions.Options.IOptions<DeadlineScanOptions> options,
    DeadlineMetrics metrics, ILogger<CaseDeadlineMonitor> logger) : BackgroundService
{
    /// <summary>Scans every open case once; returns how many alerts it raised and scheduled updates it wrote.</summary>
    public async Task<int> ScanAsync(CancellationToken ct)
    {
        var today = LondonTime.Today(time);
        HashSet<Guid> updated;
        await using (var scope = scopes.CreateAsyncScope())
        {
            // Review windows that have passed no longer hold a response back.
            var store = scope.ServiceProvider.GetRequiredService<DeadlineScanStore>();
            var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
            var sharing = scope.ServiceProvider.GetRequiredService<DraftSharing>();
            foreach (var c in await store.ReviewsPastTheirWindowAsync(today, ct))
            {
                sharing.Expire(outbox, c, today);
            }
            // Updates owed today are written first, and their update deadline is passed over below rather than
            // announced as if nobody had written.
            updated = await scope.ServiceProvider.GetRequiredService<ScheduledUpdates>().WriteOwedAsync(today, ct);
            if (!await store.TrySaveAsync(ct))
            {
                // Another replica is scanning at the same moment: it writes these and raises the alerts, once.
                return 0;
            }
        }
        var count = updated.Count;
        // A page of open cases at a time, each with its alerts saved in a unit of work of its own: the scan's memory is
        // one page's, whatever the number of open cases.
        var after = Guid.Empty;
        var tally = new Dictionary<(string Organisation, string State), long>();
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<DeadlineScanStore>();
            var page = await store.AwaitingResponseAsync(after, options.Value.PageSize, ct);
            if (page.Count == 0)
            {
                break;
            }
            after = page[^1].Id;
            var raised = RaiseDue(page, today, updated, store, scope.ServiceProvider.GetRequiredService<IOutbox>(), await store.RaisedAsync([.. page.Select(c => c.Id)], ct), tally);
            // Another replica raising the same alerts at the same moment announces them once, by itself.
            if (await store.TrySaveAsync(ct))
            {
                count += raised;
            }
        }
        // Only a complete scan's figures: a page short would read as deadlines met.
        metrics.Replace(tally);
        if (count > 0)
        {
            LogRaised(logger, count);
        }
        return count;
    }

    // The alerts due for a page of cases that were not raised before, recorded and announced in the page's unit of work;
    // every deadline due soon or missed, raised before or not, is counted in the tally for its organisation.
    private int RaiseDue(
        List<ComplaintCase> page, DateOnly today, HashSet<Guid> updated, DeadlineScanStore store, IOutbox outbox,
        HashSet<(Guid CaseId, string Deadline, DateOnly DueOn, string Level)> known, Dictionary<(string Organisation, string State), long> tally)
    {
        var count = 0;
        foreach (var c in page)
        {
            foreach (var deadline in CaseClock.Deadlines(c, today, calendar).Where(d => !d.Done && !(d.Kind == DeadlineKind.Update && updated.Contains(c.Id))))
            {
                var left = calendar.WorkingDaysBetween(today, deadline.DueOn);
                var level = deadline.IsMissed(today) ? "Missed" : left <= options.Value.DueSoonWorkingDays ? "Approaching" : null;
                if (level is not null)
                {
                    var key = (c.OrganisationCode, level == "Missed" ? DeadlineMetrics.Missed : DeadlineMetrics.DueSoon);
                    tally[key] = tally.GetValueOrDefault(key) + 1;
                }
                if (level is null || !known.Add((c.Id, deadline.Kind.ToString(), deadline.DueOn, level)))
                {
                    continue;
                }
                store.Raise(new DeadlineAlert { CaseId = c.Id, Deadline = deadline.Kind.ToString(), DueOn = deadline.DueOn, Level = level, RaisedAt = time.GetUtcNow() });
                if (level == "Missed")
                {
                    outbox.Publish(new CaseDeadlineMissed
                    {
                        CaseId = c.Id, ComplaintId = c.ComplaintId, OrganisationCode = c.OrganisationCode, Deadline = deadline.Kind.ToString(),
                        DueOn = deadline.DueOn, DetectedOn = today,
                    });
                }
                else
                {
                    outbox.Publish(new CaseDeadlineApproaching
                    {
                        CaseId = c.Id, ComplaintId = c.ComplaintId, OrganisationCode = c.OrganisationCode, Deadline = deadline.Kind.ToString(),
                        DueOn = deadline.DueOn, WorkingDaysLeft = left,
                    });
                }
                count++;
            }
        }
        return count;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, time);
        do
        {
            try
            {
                await ScanAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A database outage must not stop the scans; the next tick tries again.
                LogFailed(logger, ex.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deadline scan raised {Count} alerts")]
    private static partial void LogRaised(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deadline scan failed ({ExceptionType}); it runs again at the next interval")]
    private static partial void LogFailed(ILogger logger, string exceptionType);
}
