using IcsComplaints.Platform.Security;

namespace IcsComplaints.Case.Api.Features.Contribute;

/// <summary>The contributing organisation's responsible person signs off its section (Reg 9).</summary>
public sealed class SignOffContribution(CaseSteps steps)
{
    /// <summary>Takes the step.</summary>
    public async Task HandleAsync(Caller caller, Guid caseId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var c = await steps.LoadAsContributorAsync(caller, caseId, CaseSteps.Signers, ct);
        await steps.ApplyAsync(c, () => c.SignOffContribution(caller.OrganisationCode!, caller.SubjectId, steps.Today), ct);
    }
}
