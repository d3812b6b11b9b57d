using IcsComplaints.ServiceDefaults;

namespace IcsComplaints.Portal.Web.Clients;

/// <summary>One thing a good final response does.</summary>
public sealed record ResponseCriterion(string Key, string Title, string Source, bool AlwaysApplies);

/// <summary>A criterion's rating in a review.</summary>
public sealed record CriterionRatingView(string Criterion, string Rating);

/// <summary>A final response in the organisation's quality sample.</summary>
public sealed record ResponseReview(
    Guid Id, Guid CaseId, string Reference, DateOnly SentOn, DateOnly SampledOn, DateOnly? ReviewedOn, double? Score,
    IReadOnlyList<CriterionRatingView> Ratings, string? Comments)
{
    /// <summary>This review's rating of a criterion, or <c>null</c>.</summary>
    public string? RatingOf(string criterion) => Ratings.FirstOrDefault(r => r.Criterion == criterion)?.Rating;
}

/// <summary>How the reviewed responses did on one criterion.</summary>
public sealed record CriterionResult(string Criterion, int Met, int Partly, int NotMet, int NotApplicable, double? MetShare);

/// <summary>How an organisation's sampled letters did in a period.</summary>
public sealed record ResponseQualityView(
    string OrganisationCode, DateOnly From, DateOnly To, int Sampled, int Reviewed, double? AverageScore, IReadOnlyList<CriterionResult> Criteria)
{
    /// <summary>One criterion's results.</summary>
    public CriterionResult? Of(string criterion) => Criteria.FirstOrDefault(c => c.Criterion == criterion);
}

/// <summary>The learning service's calls for sampling and rating final responses, one method per call.</summary>
public sealed class ResponseReviewApis(PlatformApi api)
{
    /// <summary>The criteria a response is rated against.</summary>
    public Task<ApiResult<ItemList<ResponseCriterion>>> CriteriaAsync(CancellationToken ct) =>
        api.GetAsync<ItemList<ResponseCriterion>>("/api/v1/learning/response-reviews/criteria", null, ct);

    /// <summary>Draws a sample of the letters sent in a period.</summary>
    public Task<ApiResult<ItemList<ResponseReview>>> DrawAsync(string? from, string? to, int? size, CancellationToken ct) =>
        api.PostAsync<ItemList<ResponseReview>>("/api/v1/learning/response-reviews/samples", new { from, to, size }, null, ct);

    /// <summary>The caller's organisation's reviews of the last twelve months.</summary>
    public Task<ApiResult<ItemList<ResponseReview>>> ListAsync(CancellationToken ct) =>
        api.GetAsync<ItemList<ResponseReview>>("/api/v1/learning/response-reviews", null, ct);

    /// <summary>One review.</summary>
    public Task<ApiResult<ResponseReview>> GetAsync(Guid id, CancellationToken ct) =>
        api.GetAsync<ResponseReview>($"/api/v1/learning/response-reviews/{id}", null, ct);

    /// <summary>Rates a response on every criterion.</summary>
    public Task<ApiResult<ResponseReview>> RateAsync(Guid id, IReadOnlyDictionary<string, string?> ratings, string? comments, CancellationToken ct) =>
        api.SendAsync<ResponseReview>(HttpMethod.Put, $"/api/v1/learning/response-reviews/{id}/rating", new { ratings, comments }, ct);

    /// <summary>How the caller's organisation's letters of the last twelve months did.</summary>
    public Task<ApiResult<ResponseQualityView>> QualityAsync(CancellationToken ct) =>
        api.GetAsync<ResponseQualityView>("/api/v1/learning/response-reviews/quality", null, ct);

    /// <summary>For an ICB: how each provider's letters of the last twelve months did.</summary>
    public Task<ApiResult<ItemList<ResponseQualityView>>> ProvidersAsync(CancellationToken ct) =>
        api.GetAsync<ItemList<ResponseQualityView>>("/api/v1/learning/response-reviews/quality/providers", null, ct);
}

/// <summary>How the pages word ratings and scores.</summary>
public static class ResponseReviewWords
{
    /// <summary>The ratings, as the API names them, in words.</summary>
    public static readonly IReadOnlyList<(string Value, string Words)> Ratings =
    [
        ("Met", "Met"), ("Partly", "Partly met"), ("NotMet", "Not met"), ("NotApplicable", "Does not apply to this response"),
    ];

    /// <summary>A rating in words.</summary>
    public static string Rating(string? rating) => Ratings.FirstOrDefault(r => r.Value == rating).Words ?? "";

    /// <summary>A score from 0 to 1 as a percentage, or empty.</summary>
    public static string Score(double? score) => score is { } s ? $"{s * 100:0}%" : "";

    /// <summary>The share that met a criterion in full, with its counts, or "did not apply".</summary>
    public static string Met(CriterionResult r) =>
        r.MetShare is { } share ? $"{share * 100:0}% ({r.Met} of {r.Met + r.Partly + r.NotMet})" : "did not apply";
}
