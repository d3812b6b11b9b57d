using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.Case.Domain.Rules;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Case.Api.Features.RecordDelayLetter;

/// <summary>Records the letter explaining why no response went by the backstop (<see cref="SixMonthBackstop"/>); announces <see cref="DelayLetterSent"/>.</summary>
public sealed class RecordDelayLetter(CaseSteps steps, IOutbox outbox)
{
    /// <summary>Takes the step.</summary>
    public async Task HandleAsync(Caller caller, Guid caseId, CaseRequests.DelayLetter input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var c = await steps.LoadAsync(caller, caseId, CaseSteps.Managers, ct);
        var reader = new FieldReader();
        var on = reader.DateOrToday(input.SentOn, "sentOn", steps.Today);
        var reasons = reader.Text(input.Reasons, "reasons", 2_000, SixMonthBackstop.ReasonsMissing) ?? "";
        reader.ThrowIfAny();
        await steps.ApplyAsync(c, () => c.RecordDelayLetter(on, reasons), ct, () =>
            outbox.Publish(new DelayLetterSent { CaseId = c.Id, OrganisationCode = c.OrganisationCode, SentOn = on }));
    }
}
