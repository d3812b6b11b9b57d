using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Case.Api.Features.ReopenCase;

/// <summary>Reopens a resolved case with the reason; announces <see cref="CaseReopened"/>.</summary>
public sealed class ReopenCase(CaseSteps steps, IOutbox outbox)
{
    /// <summary>Takes the step.</summary>
    public async Task HandleAsync(Caller caller, Guid caseId, CaseRequests.Reopen input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var c = await steps.LoadAsync(caller, caseId, CaseSteps.Managers, ct);
        var reader = new FieldReader();
        var on = reader.DateOrToday(input.On, "on", steps.Today);
        var reason = reader.Text(input.Reason, "reason", 2_000, "Say why the case is reopened.") ?? "";
        reader.ThrowIfAny();
        await steps.ApplyAsync(c, () => c.Reopen(on, reason), ct, () =>
            outbox.Publish(new CaseReopened { CaseId = c.Id, OrganisationCode = c.OrganisationCode, On = on, Count = c.ReopenCount }));
    }
}
