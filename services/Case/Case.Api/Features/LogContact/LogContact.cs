using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Case.Api.Features.LogContact;

/// <summary>Logs a contact with the complainant, an update when it is one; announces <see cref="CaseContactLogged"/>.</summary>
public sealed class LogContact(CaseSteps steps, IOutbox outbox)
{
    /// <summary>Takes the step.</summary>
    public async Task HandleAsync(Caller caller, Guid caseId, CaseRequests.Contact input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(input);
        var c = await steps.LoadAsync(caller, caseId, CaseSteps.Workers, ct);
        var reader = new FieldReader();
        var on = reader.DateOrToday(input.On, "on", steps.Today);
        var channel = reader.Enum<ContactChannel>(input.Channel, "channel", CaseInput.OneOf<ContactChannel>());
        var summary = reader.Text(input.Summary, "summary", 2_000, "Say briefly what was said.");
        reader.ThrowIfAny();
        ContactLogEntry? entry = null;
        await steps.ApplyAsync(c, () => entry = c.LogContact(on, channel!.Value, input.Outgoing ?? true, input.IsUpdate ?? false, summary!, caller.SubjectId), ct, () =>
            outbox.Publish(new CaseContactLogged { CaseId = c.Id, OrganisationCode = c.OrganisationCode, On = on, Channel = channel!.Value.ToString(), IsUpdate = entry!.IsUpdate }));
    }
}
