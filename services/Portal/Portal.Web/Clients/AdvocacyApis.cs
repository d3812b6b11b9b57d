using IcsComplaints.ServiceDefaults;

namespace IcsComplaints.Portal.Web.Clients;

// What an advocate reads from the advocacy-referral service and from the case service's advocate view, by the APIs'
// JSON names (the portal keeps its own copies: ADR 18).

/// <summary>The complainant's consent behind a referral.</summary>
public sealed record ConsentGrant(Guid Id, bool ViewCase, bool ReviewDrafts, string Evidence, DateOnly GrantedOn, DateOnly? EndedOn, string? EndReason);

/// <summary>A referral as the advocacy service sees it.</summary>
public sealed record Referral(
    Guid Id, Guid CaseId, string Reference, string OrganisationCode, string AdvocacyServiceCode, string Status, string RequestedBy, DateOnly RequestedOn,
    DateOnly? AnsweredOn, string? DeclineReason, string? AdvocateName, ConsentGrant Grant);

/// <summary>The complainant as the consent lets their advocate see them.</summary>
public sealed record AdvocateClient(
    string Name, IReadOnlyList<string>? AddressLines, string? Phone, string? Email, string? PreferredContact, IReadOnlyList<string>? Adjustments,
    string? InterpreterLanguage);

/// <summary>A draft shared with the advocate's service for review.</summary>
public sealed record AdvocateReviewView(long Id, int Version, DateOnly SharedOn, DateOnly WindowEndsOn, string? Status);

/// <summary>A client's case as the consent lets their advocate see it.</summary>
public sealed record AdvocateCase(
    Guid CaseId, string Reference, string OrganisationCode, string Stage, DateOnly ReceivedOn, DateOnly? AcknowledgedOn, DateOnly? ResponseDueBy,
    DateOnly Backstop, bool Paused, DateOnly? FinalResponseSentOn, IReadOnlyList<AdvocateReviewView>? Reviews, AdvocateClient? Complainant,
    System.Text.Json.JsonElement? FinalResponse, DateOnly? AccessEndsOn);

/// <summary>The calls an advocate makes, one method per call.</summary>
public sealed class AdvocacyApis(PlatformApi api)
{
    /// <summary>The referrals made to the advocate's service, newest first.</summary>
    public Task<ApiResult<ItemList<Referral>>> ReferralsAsync(CancellationToken ct) =>
        api.GetAsync<ItemList<Referral>>("/api/v1/advocacy/referrals", null, ct);

    /// <summary>Accepts a referral, with the advocate who takes it on.</summary>
    public Task<ApiResult<object>> AcceptAsync(Guid referralId, string? advocateName, CancellationToken ct) =>
        api.PostAsync<object>($"/api/v1/advocacy/referrals/{referralId}/acceptance", new { advocateName }, null, ct);

    /// <summary>Declines a referral, with the reason.</summary>
    public Task<ApiResult<object>> DeclineAsync(Guid referralId, string? reason, CancellationToken ct) =>
        api.PostAsync<object>($"/api/v1/advocacy/referrals/{referralId}/decline", new { reason }, null, ct);

    /// <summary>A client's case, as far as the consent allows; 403 "Access ended" once it has ended, 404 when it is not the caller's to see.</summary>
    public Task<ApiResult<AdvocateCase>> ClientCaseAsync(Guid caseId, CancellationToken ct) =>
        api.GetAsync<AdvocateCase>($"/api/v1/cases/{caseId}/advocate-view", null, ct);
}
