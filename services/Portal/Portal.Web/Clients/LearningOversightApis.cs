using IcsComplaints.ServiceDefaults;

namespace IcsComplaints.Portal.Web.Clients;

// What an ICB's commissioners and quality leads read from the learning service about the providers they commission,
// by its JSON names.

/// <summary>A provider's part of a theme across the ICB's providers.</summary>
public sealed record ThemeContributionView(string OrganisationCode, int Observed, int Total);

/// <summary>
/// A problem that rose above its own baseline: the month's count against what the baseline share expects, the
/// thirteen months it rests on (oldest first; the last is the month examined), and whom it was shared with.
/// </summary>
public sealed record ThemeView(
    Guid Id, string IcbCode, string Scope, string? OrganisationCode, string Dimension, string Code, string Month, int Observed, int Total,
    double Expected, double BaselineShare, double PValue, IReadOnlyList<int> MonthlyObserved, IReadOnlyList<int> MonthlyTotals,
    IReadOnlyList<ThemeContributionView> Contributions, string Rule, DateOnly DetectedOn, DateOnly? SharedOn, string? ShareMessage, IReadOnlyList<string> SharedWith);

/// <summary>A provider's self-assessment for a year as its ICB sees it; no status when it has not started.</summary>
public sealed record ProviderAssessmentView(
    string OrganisationCode, string? Status, DateOnly? SubmittedOn, IReadOnlyDictionary<string, int> Levels, IReadOnlyDictionary<string, double> SectionMeans);

/// <summary>A level of the self-assessment scale.</summary>
public sealed record StandardsLevelView(int Level, string Name, string Descriptor);

/// <summary>One expectation of the Standards.</summary>
public sealed record StandardsExpectationView(string Id, string Text);

/// <summary>One section of the Standards with its expectations.</summary>
public sealed record StandardsSectionView(string Number, string Title, IReadOnlyList<StandardsExpectationView> Expectations);

/// <summary>The self-assessment framework: the NHS Complaint Standards' sections, expectations and levels.</summary>
public sealed record StandardsView(string Title, string Source, IReadOnlyList<StandardsLevelView> Levels, IReadOnlyList<StandardsSectionView> Sections);

/// <summary>The learning service's oversight calls, one method per call, as the signed-in user.</summary>
public sealed class LearningOversightApis(PlatformApi api)
{
    /// <summary>The themes of the ICB's providers detected for a month (yyyy-MM).</summary>
    public Task<ApiResult<ItemList<ThemeView>>> ThemesAsync(string month, CancellationToken ct) =>
        api.GetAsync<ItemList<ThemeView>>("/api/v1/learning/themes" + QueryString.Create("month", month), null, ct);

    /// <summary>Looks for themes in a month across the ICB's providers; what it finds is kept, found again it is the same theme.</summary>
    public Task<ApiResult<ItemList<ThemeView>>> DetectThemesAsync(string month, CancellationToken ct) =>
        api.PostAsync<ItemList<ThemeView>>("/api/v1/learning/themes/detection", new { month }, null, ct);

    /// <summary>One theme, with its evidence.</summary>
    public Task<ApiResult<ThemeView>> ThemeAsync(Guid id, CancellationToken ct) =>
        api.GetAsync<ThemeView>($"/api/v1/learning/themes/{id}", null, ct);

    /// <summary>The theme's thirteen months drawn by learning, as SVG markup; null when refused.</summary>
    public async Task<string?> ThemeChartAsync(Guid id, CancellationToken ct) =>
        (await api.GetDocumentAsync($"/api/v1/learning/themes/{id}/series.svg", ct))?.Body;

    /// <summary>Shares what the ICB learned from a theme with the providers named (all of them when none is).</summary>
    public Task<ApiResult<ThemeView>> ShareThemeAsync(Guid id, string? message, IReadOnlyList<string> organisationCodes, CancellationToken ct) =>
        api.PostAsync<ThemeView>($"/api/v1/learning/themes/{id}/sharing", new { message, organisationCodes }, null, ct);

    /// <summary>The learning actions a provider raised from a theme.</summary>
    public Task<ApiResult<ItemList<LearningAction>>> ThemeActionsAsync(string organisation, Guid themeId, CancellationToken ct) =>
        api.GetAsync<ItemList<LearningAction>>("/api/v1/learning/actions" + QueryString.Create("organisation", organisation).Add("themeId", themeId.ToString()), null, ct);

    /// <summary>Each provider the ICB commissions with its self-assessment for the financial year starting in <paramref name="year"/>.</summary>
    public Task<ApiResult<ItemList<ProviderAssessmentView>>> ProviderAssessmentsAsync(int year, CancellationToken ct) =>
        api.GetAsync<ItemList<ProviderAssessmentView>>($"/api/v1/learning/self-assessments/{year}/providers", null, ct);

    /// <summary>The Standards the self-assessments are made against.</summary>
    public Task<ApiResult<StandardsView>> StandardsAsync(CancellationToken ct) =>
        api.GetAsync<StandardsView>("/api/v1/learning/standards", null, ct);
}
