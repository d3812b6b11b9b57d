using IcsComplaints.Case.Domain.Rules;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Case.Api.Features.AgreeUpdateFrequency;

/// <summary>Records how often the complainant will be updated, as agreed with them (<see cref="UpdateFrequency"/>).</summary>
public sealed class AgreeUpdateFrequency(CaseSteps steps)
{
    /// <summary>Takes the step.</summary>
    public async Task HandleAsync(Caller caller, Guid caseId, CaseRequests.UpdateFrequency input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var c = await steps.LoadAsync(caller, caseId, CaseSteps.Workers, ct);
        var reader = new FieldReader();
        var agreedOn = reader.DateOrToday(input.AgreedOn, "agreedOn", steps.Today);
        if (input.EveryWorkingDays is null)
        {
            reader.Add("everyWorkingDays", UpdateFrequency.Missing);
        }
        reader.ThrowIfAny();
        await steps.ApplyAsync(c, () => c.AgreeUpdateFrequency(input.EveryWorkingDays!.Value, agreedOn), ct);
    }
}
