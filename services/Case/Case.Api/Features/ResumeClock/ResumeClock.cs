using IcsComplaints.Calendar;
using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Case.Domain.Rules;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Case.Api.Features.ResumeClock;

/// <summary>Restarts the response clock (<see cref="ClockPausing"/>); announces <see cref="CaseClockResumed"/>.</summary>
public sealed class ResumeClock(CaseSteps steps, IOutbox outbox, WorkingDayCalendar calendar)
{
    /// <summary>Takes the step.</summary>
    public async Task HandleAsync(Caller caller, Guid caseId, CaseRequests.Resume input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var c = await steps.LoadAsync(caller, caseId, CaseSteps.Managers, ct);
        var reader = new FieldReader();
        var on = reader.DateOrToday(input.On, "on", steps.Today);
        reader.ThrowIfAny();
        ClockPause? pause = null;
        await steps.ApplyAsync(c, () => pause = c.Resume(on), ct, () =>
            outbox.Publish(new CaseClockResumed
            {
                CaseId = c.Id, OrganisationCode = c.OrganisationCode, On = on,
                PausedWorkingDays = calendar.WorkingDaysBetween(pause!.From, on),
                TotalPausedWorkingDays = ClockPausing.PausedWorkingDays(c, steps.Today, calendar),
            }));
    }
}
