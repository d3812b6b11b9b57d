using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Case.Domain.Rules;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Case.Api.Features.SignFinalResponse;

/// <summary>Signs the draft: the responsible person of the organisation, or the case's named delegate (<see cref="ResponseSigning"/>).</summary>
public sealed class SignFinalResponse(CaseSteps steps)
{
    /// <summary>Takes the step.</summary>
    public async Task HandleAsync(Caller caller, Guid caseId, CaseRequests.Sign input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(input);
        var c = await steps.LoadAsync(caller, caseId, [.. CaseSteps.Signers, .. CaseSteps.Workers], ct);
        var onBehalfOf = ResponseSigning.OnBehalfOf(c, caller.SubjectId, isResponsiblePerson: caller.ActsFor(c.OrganisationCode, CaseSteps.Signers));
        var reader = new FieldReader();
        var name = reader.Text(input.Name, "name", 200, "Give the signatory's name as printed.") ?? "";
        var title = reader.Text(input.Title, "title", 200, "Give the signatory's title as printed.") ?? "";
        // Reg 14(2)(a): signed by the responsible person, on the day they signed, which may be recorded afterwards.
        var signedOn = reader.DateOrToday(input.SignedOn, "signedOn", steps.Today);
        reader.ThrowIfAny();
        await steps.ApplyAsync(c, () => c.Sign(new ResponseSignature(new StaffRef(caller.SubjectId, name), title, onBehalfOf, signedOn, 0)), ct);
    }
}
