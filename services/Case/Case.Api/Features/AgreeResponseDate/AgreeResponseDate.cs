using IcsComplaints.Calendar;
using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Case.Domain.Rules;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Case.Api.Features.AgreeResponseDate;

/// <summary>Agrees or renegotiates the response date (<see cref="ResponseDateRenegotiation"/>); announces <see cref="ResponseDateAgreed"/>.</summary>
public sealed class AgreeResponseDate(CaseSteps steps, IOutbox outbox, WorkingDayCalendar calendar)
{
    /// <summary>Takes the step.</summary>
    public async Task HandleAsync(Caller caller, Guid caseId, CaseRequests.ResponseDate input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(input);
        var c = await steps.LoadAsync(caller, caseId, CaseSteps.Managers, ct);
        var reader = new FieldReader();
        var today = steps.Today;
        var agreedOn = reader.DateOrToday(input.AgreedOn, "agreedOn", today);
        var given = reader.DateInCalendar(input.DueBy, "dueBy", today, allowFuture: true, required: "Give the date as YYYY-MM-DD.");
        var dueBy = ResponseDateRenegotiation.CheckDueBy(given, agreedOn, today, calendar, "dueBy", reader.Errors);
        var reason = reader.Text(input.Reason, "reason", 2_000);
        ResponseDateRenegotiation.CheckReason(reason, c.Agreements.Count, "reason", reader.Errors);
        reader.ThrowIfAny();
        ResponseDateAgreement? agreement = null;
        await steps.ApplyAsync(c, () => agreement = c.AgreeResponseDate(agreedOn, dueBy!.Value, input.WithComplainant ?? true, reason, caller.SubjectId), ct, () =>
            outbox.Publish(new ResponseDateAgreed
            {
                CaseId = c.Id, ComplaintId = c.ComplaintId, OrganisationCode = c.OrganisationCode, AgreedOn = agreedOn, DueBy = agreement!.DueBy,
                Renegotiation = ResponseDateRenegotiation.Renegotiations(c.Agreements.Count), WithComplainant = agreement.WithComplainant,
            }));
    }
}
