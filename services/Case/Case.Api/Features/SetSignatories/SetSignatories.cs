using IcsComplaints.Case.Domain.Rules;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Case.Api.Features.SetSignatories;

/// <summary>The responsible person names themselves and a delegate who may sign for them (<see cref="ResponseSigning"/>).</summary>
public sealed class SetSignatories(CaseSteps steps)
{
    /// <summary>Takes the step.</summary>
    public async Task HandleAsync(Caller caller, Guid caseId, CaseRequests.Signatories input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var c = await steps.LoadAsync(caller, caseId, CaseSteps.Signers, ct);
        var reader = new FieldReader();
        var responsible = reader.Person(caller, input.ResponsiblePerson ?? new CaseRequests.Person("me", null), "responsiblePerson", required: true);
        var delegatedTo = input.Delegate is null ? null : reader.Person(caller, input.Delegate, "delegate", required: true);
        ResponseSigning.CheckDelegate(delegatedTo, "delegate.subjectId", reader.Errors);
        reader.ThrowIfAny();
        await steps.ApplyAsync(c, () => c.DelegateSigning(responsible!, delegatedTo), ct);
    }
}
