using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Case.Api.Features.RecordOmbudsmanReferral;

/// <summary>Records that the complainant went to the Ombudsman; announces <see cref="CaseReferredToOmbudsman"/>.</summary>
public sealed class RecordOmbudsmanReferral(CaseSteps steps, IOutbox outbox)
{
    /// <summary>Takes the step.</summary>
    public async Task HandleAsync(Caller caller, Guid caseId, CaseRequests.OmbudsmanReferral input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var c = await steps.LoadAsync(caller, caseId, CaseSteps.Managers, ct);
        var reader = new FieldReader();
        var on = reader.DateOrToday(input.LearnedOn, "learnedOn", steps.Today);
        var reference = reader.Text(input.OmbudsmanReference, "ombudsmanReference", 50);
        reader.ThrowIfAny();
        await steps.ApplyAsync(c, () => c.ReferToOmbudsman(on, reference), ct, () =>
            outbox.Publish(new CaseReferredToOmbudsman { CaseId = c.Id, ComplaintId = c.ComplaintId, OrganisationCode = c.OrganisationCode, LearnedOn = on }));
    }
}
