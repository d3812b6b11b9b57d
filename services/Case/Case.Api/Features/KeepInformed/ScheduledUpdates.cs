using IcsComplaints.Calendar;
using IcsComplaints.Case.Api.Data;
using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Case.Domain.Rules;
using IcsComplaints.Messaging.Outbox;

namespace IcsComplaints.Case.Api.Features.KeepInformed;

/// <summary>
/// Keeps the promise of updates at the agreed frequency (Reg 14; My Expectations, "updates before the outcome"): on
/// the day an update falls due with none given, the update is recorded on the case and <see cref="ScheduledUpdateDue"/>
/// asks correspondence to write it. The team was warned before the day; an update they give first moves the date on.
/// The alert record, unique per case and day, makes a replica scanning at the same moment write nothing twice.
/// </summary>
public sealed class ScheduledUpdates(DeadlineScanStore store, IOutbox outbox, WorkingDayCalendar calendar, TimeProvider time)
{
    /// <summary>The alert level that records an update written on schedule.</summary>
    public const string Written = "UpdateWritten";

    /// <summary>Records and announces each update owed today, saved by the caller with the rest of the scan; returns the cases written to.</summary>
    public async Task<HashSet<Guid>> WriteOwedAsync(DateOnly today, CancellationToken ct)
    {
        var owing = await store.PromisedUpdatesAsync(ct);
        var written = await store.RaisedAsync([.. owing.Select(c => c.Id)], ct);
        var cases = new HashSet<Guid>();
        foreach (var c in owing)
        {
            if (UpdateFrequency.ScheduledUpdateOwed(c, today, calendar) is not { } due
                || !written.Add((c.Id, nameof(DeadlineKind.Update), due, Written)))
            {
                continue;
            }
            store.Raise(new DeadlineAlert { CaseId = c.Id, Deadline = nameof(DeadlineKind.Update), DueOn = due, Level = Written, RaisedAt = time.GetUtcNow() });
            c.RecordScheduledUpdate(today);
            outbox.Publish(new ScheduledUpdateDue
            {
                CaseId = c.Id, ComplaintId = c.ComplaintId, OrganisationCode = c.OrganisationCode, On = today, Stage = c.Stage.ToString(),
                Paused = c.IsPaused, ResponseDueBy = CaseClock.ResponseDueBy(c, today, calendar),
                NextUpdateBy = UpdateFrequency.NextDue(c, calendar) ?? today,
            });
            cases.Add(c.Id);
        }
        return cases;
    }
}
