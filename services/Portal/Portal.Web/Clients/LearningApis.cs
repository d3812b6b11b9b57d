using IcsComplaints.ServiceDefaults;

namespace IcsComplaints.Portal.Web.Clients;

// What a quality lead reads from the learning service, by its JSON names.

/// <summary>An HCAT problem category.</summary>
public sealed record HcatCategoryView(string Key, string Name, string Domain);

/// <summary>A level of an HCAT scale.</summary>
public sealed record ScaleLevelView(int Level, string Name);

/// <summary>The HCAT scheme: categories, severity and harm scales, stages of care.</summary>
public sealed record HcatSchemeView(IReadOnlyList<HcatCategoryView> Categories, IReadOnlyList<ScaleLevelView> Severity, IReadOnlyList<ScaleLevelView> Harm, IReadOnlyList<string> StagesOfCare);

/// <summary>A complaint waiting for its second, independent coding.</summary>
public sealed record SecondCodingItem(Guid CaseId, string Reference, DateOnly ReceivedOn, DateOnly RequestedOn);

/// <summary>One HCAT coding the caller may see.</summary>
public sealed record CodingView(Guid Id, string Subject, bool Mine, bool Independent, IReadOnlyDictionary<string, int> Severities, int? Harm, IReadOnlyList<string> StagesOfCare, DateOnly CodedOn);

/// <summary>A case's codings as the caller may see them; <see cref="Blinded"/> while another's coding is withheld.</summary>
public sealed record CaseCodingView(Guid CaseId, string Reference, IReadOnlyList<string> SubjectAreas, IReadOnlyList<string> SuggestedCategories, bool SecondCodingRequested, bool Blinded, IReadOnlyList<CodingView> Codings);

/// <summary>Agreement statistics between two coders.</summary>
public sealed record AgreementResultView(int Pairs, double ObservedAgreement, double ExpectedAgreement, double? Kappa, double? WeightedKappa);

/// <summary>Agreement on one category.</summary>
public sealed record CategoryAgreement(string Category, AgreementResultView Agreement, string Strength);

/// <summary>How alike an organisation's coders code over a period.</summary>
public sealed record CalibrationResult(string OrganisationCode, DateOnly From, DateOnly To, int Pairs, IReadOnlyList<CategoryAgreement> Categories);

/// <summary>A learning action.</summary>
public sealed record LearningAction(
    Guid Id, string OrganisationCode, Guid? CaseId, Guid? ThemeId, string WhatWillChange, string Owner, DateOnly DueOn, string Status, bool Overdue,
    DateOnly RaisedOn, string? Evidence, DateOnly? ClosedOn, string? YouSaid, string? WeDid);

/// <summary>A published "you said, we did" summary.</summary>
public sealed record YouSaidWeDid(string OrganisationCode, string Month, string YouSaid, string WeDid);

/// <summary>The learning service's calls the quality pages make, one method per call.</summary>
public sealed class LearningApis(PlatformApi api)
{
    /// <summary>The HCAT scheme, so no code list is typed into the portal.</summary>
    public Task<ApiResult<HcatSchemeView>> SchemeAsync(CancellationToken ct) =>
        api.GetAsync<HcatSchemeView>("/api/v1/learning/hcat/scheme", null, ct);

    /// <summary>Complaints waiting for a second coding that the caller did not code first.</summary>
    public Task<ApiResult<ItemList<SecondCodingItem>>> CalibrationQueueAsync(CancellationToken ct) =>
        api.GetAsync<ItemList<SecondCodingItem>>("/api/v1/learning/calibration/queue", null, ct);

    /// <summary>Draws a random sample of complaints coded once, received in the period, for second coding.</summary>
    public Task<ApiResult<ItemList<SecondCodingItem>>> DrawSampleAsync(int? size, string? from, string? to, CancellationToken ct) =>
        api.PostAsync<ItemList<SecondCodingItem>>("/api/v1/learning/calibration/samples", new { size, from, to }, null, ct);

    /// <summary>Agreement between the organisation's coders over the last twelve months.</summary>
    public Task<ApiResult<ItemList<CalibrationResult>>> CalibrationAsync(CancellationToken ct) =>
        api.GetAsync<ItemList<CalibrationResult>>("/api/v1/learning/calibration", null, ct);

    /// <summary>A case's codings as the caller may see them (blinded during calibration).</summary>
    public Task<ApiResult<CaseCodingView>> CodingAsync(Guid caseId, CancellationToken ct) =>
        api.GetAsync<CaseCodingView>($"/api/v1/learning/cases/{caseId}/hcat", null, ct);

    /// <summary>Records the caller's own coding of the complaint.</summary>
    public Task<ApiResult<CaseCodingView>> CodeComplaintAsync(Guid caseId, IReadOnlyDictionary<string, int> severities, int? harm, IReadOnlyList<string> stagesOfCare, CancellationToken ct) =>
        api.SendAsync<CaseCodingView>(HttpMethod.Put, $"/api/v1/learning/cases/{caseId}/hcat/Complaint", new { severities, harm, stagesOfCare }, ct);

    /// <summary>The organisation's learning actions, open ones by default.</summary>
    public Task<ApiResult<ItemList<LearningAction>>> ActionsAsync(string? status, CancellationToken ct) =>
        api.GetAsync<ItemList<LearningAction>>("/api/v1/learning/actions" + (status is null ? "" : QueryString.Create("status", status).ToString()), null, ct);

    /// <summary>Raises an action for the caller's organisation.</summary>
    public Task<ApiResult<LearningAction>> RaiseActionAsync(string? whatWillChange, string? owner, string? dueOn, CancellationToken ct) =>
        api.PostAsync<LearningAction>("/api/v1/learning/actions", new { whatWillChange, owner, dueOn }, null, ct);

    /// <summary>Completes an action with its evidence, and a public summary if given.</summary>
    public Task<ApiResult<LearningAction>> CompleteActionAsync(Guid id, string? evidence, string? youSaid, string? weDid, CancellationToken ct) =>
        api.PostAsync<LearningAction>($"/api/v1/learning/actions/{id}/completion", new { evidence, youSaid, weDid }, null, ct);

    /// <summary>Takes on a proposed action: gives it its owner, which opens it.</summary>
    public Task<ApiResult<LearningAction>> TakeOnActionAsync(Guid id, string? owner, CancellationToken ct) =>
        api.PostAsync<LearningAction>($"/api/v1/learning/actions/{id}/ownership", new { owner }, null, ct);

    /// <summary>Cancels an open or proposed action.</summary>
    public Task<ApiResult<LearningAction>> CancelActionAsync(Guid id, string? reason, CancellationToken ct) =>
        api.PostAsync<LearningAction>($"/api/v1/learning/actions/{id}/cancellation", new { reason }, null, ct);

    /// <summary>The organisation's published "you said, we did" summaries, newest first.</summary>
    public Task<ApiResult<ItemList<YouSaidWeDid>>> YouSaidWeDidAsync(string organisation, CancellationToken ct) =>
        api.GetAsync<ItemList<YouSaidWeDid>>("/api/v1/you-said-we-did" + QueryString.Create("organisation", organisation), null, ct);
}
