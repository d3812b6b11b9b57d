using IcsComplaints.Calendar;
using IcsComplaints.Case.Api.Features.SendFinalResponse;
using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Case.Domain.Rules;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Case.Api.Features.ResolveEarly;

/// <summary>
/// Records a complaint resolved early by conversation (<see cref="EarlyResolutionConfirmation"/>): what was discussed
/// and agreed, and the outcome; announces <see cref="FinalResponseSent"/> marked as an early resolution, so the
/// clock, KO41 and the reports count it as answered, and correspondence writes the confirming letter.
/// </summary>
public sealed class ResolveEarly(CaseSteps steps, IOutbox outbox, WorkingDayCalendar calendar)
{
    /// <summary>Takes the step.</summary>
    public async Task HandleAsync(Caller caller, Guid caseId, CaseRequests.EarlyResolutionOutcome input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var c = await steps.LoadAsync(caller, caseId, CaseSteps.Managers, ct);
        var reader = new FieldReader();
        var on = reader.DateOrToday(input.ResolvedOn, "resolvedOn", steps.Today);
        var channel = reader.Enum<ContactChannel>(input.Channel, "channel", "Say how you talked with the complainant.");
        var discussed = reader.Text(input.Discussed, "discussed", EarlyResolutionConfirmation.MaxLength, "Say what you discussed with the complainant.");
        var agreed = reader.Text(input.Agreed, "agreed", EarlyResolutionConfirmation.MaxLength, "Say what you agreed with the complainant.");
        var outcome = reader.Enum<CaseOutcome>(input.Outcome, "outcome", "Say whether the complaint is upheld, partly upheld or not upheld.");
        reader.ThrowIfAny();
        await steps.ApplyAsync(c, () => c.ResolveEarly(new EarlyResolutionRecord(on, channel!.Value, discussed!, agreed!), outcome!.Value), ct,
            () => outbox.Publish(FinalResponseAnnouncement.Of(c, on, calendar, confirmsEarlyResolution: true)));
    }
}
