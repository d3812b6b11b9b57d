using IcsComplaints.Calendar;
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
            () => outbox.Publish(Resolved(c, on)));
    }

    private FinalResponseSent Resolved(ComplaintCase c, DateOnly on)
    {
        var due = CaseClock.ResponseDueBy(c, on, calendar);
        return new FinalResponseSent
        {
            CaseId = c.Id, ComplaintId = c.ComplaintId, OrganisationCode = c.OrganisationCode, ReceivedOn = c.ReceivedOn, SentOn = on,
            Outcome = c.Outcome!.Value.ToString(), ResolvedEarly = true, ConfirmsEarlyResolution = true,
            WorkingDaysTaken = calendar.WorkingDaysBetween(c.ReceivedOn, on) - ClockPausing.PausedWorkingDays(c, on, calendar),
            ByAgreedDate = due is null ? null : on <= due,
            Renegotiations = ResponseDateRenegotiation.Renegotiations(c.Agreements.Count),
            WithinBackstop = SixMonthBackstop.Met(on, SixMonthBackstop.For(c)),
            UpdatesBeforeOutcome = c.Contacts.Count(x => x.IsUpdate),
            // No findings, apology or changes are itemised: what was agreed is the complainant's to read, not a count.
            Findings = 0, FindingsUpheld = 0, Apology = false, Changes = 0, Remedy = false,
        };
    }
}
