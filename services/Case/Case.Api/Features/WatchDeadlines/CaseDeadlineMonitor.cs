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
    ILogger<CaseDeadlineMonitor> logger) : BackgroundService
{
    /// <summary>Scans every open case once; returns how many alerts it raised and scheduled updates it wrote.</summary>
    public async Task<int> ScanAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<DeadlineScanStore>();
        var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
        var today = LondonTime.Today(time);
        // Review windows that have passed no longer hold a response back.
        var sharing = scope.ServiceProvider.GetRequiredService<DraftSharing>();
        var reviewing = await store.ReviewsPastTheirWindowAsync(today, ct);
        foreach (var c in reviewing)
        {
            sharing.Expire(outbox, c, today);
        }
        // Updates owed today are written first; the cases below are read as saved, so those updates are not yet
        // among them, and their update deadline is passed over rather than announced as if nobody had written.
        var updated = await scope.ServiceProvider.GetRequiredService<ScheduledUpdates>().WriteOwedAsync(today, ct);
        var open = await store.AwaitingResponseAsync(ct);
        var known = await store.RaisedAsync([.. open.Select(c => c.Id)], ct);
        var count = updated.Count;
        foreach (var c in open)
        {
            foreach (var deadline in CaseClock.Deadlines(c, today, calendar).Where(d => !d.Done && !(d.Kind == DeadlineKind.Update && updated.Contains(c.Id))))
            {
                var left = calendar.WorkingDaysBetween(today, deadline.DueOn);
                var level = deadline.IsMissed(today) ? "Missed" : left <= options.Value.DueSoonWorkingDays ? "Approaching" : null;
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
        if (!await store.TrySaveAsync(ct))
        {
            // Another replica raised the same alerts at the same moment: they are announced once, by it.
            return 0;
        }
        if (count > 0)
        {
            LogRaised(logger, count);
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
