using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Case.Api.Features.CloseCase;

/// <summary>Closes a case whose final response has gone, once it is coded (<see cref="Domain.Rules.Ko41Coding"/>); announces <see cref="CaseClosed"/>.</summary>
public sealed class CloseCase(CaseSteps steps, IOutbox outbox)
{
    /// <summary>Takes the step.</summary>
    public async Task HandleAsync(Caller caller, Guid caseId, CaseRequests.Close input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var c = await steps.LoadAsync(caller, caseId, CaseSteps.Managers, ct);
        var reader = new FieldReader();
        var on = reader.DateOrToday(input.ClosedOn, "closedOn", steps.Today);
        reader.ThrowIfAny();
        await steps.ApplyAsync(c, () => c.CloseResolved(on), ct, () =>
            outbox.Publish(new CaseClosed
            {
                CaseId = c.Id, ComplaintId = c.ComplaintId, OrganisationCode = c.OrganisationCode, ClosedOn = on,
                Closure = CaseClosure.Resolved.ToString(), Outcome = c.Outcome?.ToString(),
            }));
    }
}
