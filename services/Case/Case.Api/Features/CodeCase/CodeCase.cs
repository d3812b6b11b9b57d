using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Case.Domain.Rules;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.Platform.Security;

namespace IcsComplaints.Case.Api.Features.CodeCase;

/// <summary>Records the KO41a coding (<see cref="Ko41Coding"/>); announces <see cref="CaseCoded"/>.</summary>
public sealed class CodeCase(CaseSteps steps, IOutbox outbox)
{
    /// <summary>Takes the step.</summary>
    public async Task HandleAsync(Caller caller, Guid caseId, Ko41CodingInput? input, CancellationToken ct)
    {
        var c = await steps.LoadAsync(caller, caseId, CaseSteps.Workers, ct);
        var coding = Ko41Coding.Validate(input);
        await steps.ApplyAsync(c, () => c.Code(coding), ct, () =>
            outbox.Publish(new CaseCoded
            {
                CaseId = c.Id, ComplaintId = c.ComplaintId, OrganisationCode = c.OrganisationCode, ReceivedOn = c.ReceivedOn,
                Subjects = coding.Subjects, ServiceArea = coding.ServiceArea, Professions = coding.Professions,
                ClinicalSubCategories = coding.ClinicalSubCategories, SiteOdsCode = coding.SiteOdsCode, AgeBand = coding.AgeBand,
                ComplainantStatus = coding.ComplainantStatus,
            }));
    }
}
