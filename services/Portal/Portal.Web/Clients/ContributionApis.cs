using IcsComplaints.ServiceDefaults;

namespace IcsComplaints.Portal.Web.Clients;

/// <summary>A co-ordinated response another organisation leads, as a contributing organisation sees it (Reg 9).</summary>
public sealed record ContributionTask(
    Guid CaseId, string Reference, string LeadOrganisationCode, string Stage, IReadOnlyList<string> Issues, DateOnly? ResponseDueBy, string? Text, DateOnly? SignedOffOn);

/// <summary>The case service's calls of an organisation contributing to another's response, one method per call.</summary>
public sealed class ContributionApis(PlatformApi api)
{
    /// <summary>What the caller's organisation owes to open co-ordinated responses, soonest first.</summary>
    public Task<ApiResult<ItemList<ContributionTask>>> ListAsync(CancellationToken ct) =>
        api.GetAsync<ItemList<ContributionTask>>("/api/v1/cases/contributions", null, ct);

    /// <summary>One contribution; 404 unless the caller's organisation contributes to the case.</summary>
    public Task<ApiResult<ContributionTask>> GetAsync(Guid caseId, CancellationToken ct) =>
        api.GetAsync<ContributionTask>($"/api/v1/cases/{caseId}/contribution", null, ct);

    /// <summary>Saves the organisation's section, replacing what was saved before.</summary>
    public Task<ApiResult<ContributionTask>> SaveAsync(Guid caseId, string? text, CancellationToken ct) =>
        api.SendAsync<ContributionTask>(HttpMethod.Put, $"/api/v1/cases/{caseId}/contribution", new { text }, ct);

    /// <summary>The responsible person signs off the section as the organisation's answer.</summary>
    public Task<ApiResult<ContributionTask>> SignOffAsync(Guid caseId, CancellationToken ct) =>
        api.PostAsync<ContributionTask>($"/api/v1/cases/{caseId}/contribution/sign-off", new { }, null, ct);
}
