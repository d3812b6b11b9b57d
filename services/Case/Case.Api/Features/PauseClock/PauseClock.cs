using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Case.Domain.Rules;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Case.Api.Features.PauseClock;

/// <summary>Pauses the response clock for a stated reason (<see cref="ClockPausing"/>); announces <see cref="CaseClockPaused"/>.</summary>
public sealed class PauseClock(CaseSteps steps, IOutbox outbox)
{
    /// <summary>Takes the step.</summary>
    public async Task HandleAsync(Caller caller, Guid caseId, CaseRequests.Pause input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var c = await steps.LoadAsync(caller, caseId, CaseSteps.Managers, ct);
        var reader = new FieldReader();
        var reason = reader.Enum<PauseReason>(input.Reason, "reason", CaseInput.OneOf<PauseReason>());
        var detail = reader.Text(input.Detail, "detail", ClockPausing.DetailMaxLength, ClockPausing.DetailMissing);
        var from = reader.DateOrToday(input.From, "from", steps.Today);
        reader.ThrowIfAny();
        await steps.ApplyAsync(c, () => c.Pause(reason!.Value, detail!, from), ct, () =>
            outbox.Publish(new CaseClockPaused { CaseId = c.Id, ComplaintId = c.ComplaintId, OrganisationCode = c.OrganisationCode, Reason = reason!.Value.ToString(), From = from }));
    }
}
