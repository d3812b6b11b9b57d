using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Case.Api.Features.AssignCase;

/// <summary>Assigns the case to a member of the complaints team ("me" for the caller).</summary>
public sealed class AssignCase(CaseSteps steps)
{
    /// <summary>Takes the step.</summary>
    public async Task HandleAsync(Caller caller, Guid caseId, CaseRequests.Person input, CancellationToken ct)
    {
        var c = await steps.LoadAsync(caller, caseId, CaseSteps.Managers, ct);
        var reader = new FieldReader();
        var handler = reader.Person(caller, input, "", required: true);
        reader.ThrowIfAny();
        await steps.ApplyAsync(c, () => c.Assign(handler!), ct);
    }
}
