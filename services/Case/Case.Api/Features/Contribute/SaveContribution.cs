using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Case.Api.Features.Contribute;

/// <summary>A contributing organisation saves its section of a co-ordinated response (Reg 9).</summary>
public sealed class SaveContribution(CaseSteps steps, TimeProvider time)
{
    /// <summary>Takes the step.</summary>
    public async Task HandleAsync(Caller caller, Guid caseId, CaseRequests.ContributionText input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(input);
        var c = await steps.LoadAsContributorAsync(caller, caseId, CaseSteps.Workers, ct);
        var reader = new FieldReader();
        var text = reader.Text(input.Text, "text", 20_000, "Write your organisation's part of the response.") ?? "";
        reader.ThrowIfAny();
        await steps.ApplyAsync(c, () => c.SaveContribution(caller.OrganisationCode!, text, time.GetUtcNow()), ct);
    }
}
