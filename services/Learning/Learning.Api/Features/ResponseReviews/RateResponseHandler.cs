using IcsComplaints.Calendar;
using IcsComplaints.Learning.Api.Data;
using IcsComplaints.Learning.Domain.ResponseReviews;
using IcsComplaints.Learning.Domain.Rules;
using IcsComplaints.Platform.Audit;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Learning.Api.Features.ResponseReviews;

/// <summary>A reviewer's rating of a final response.</summary>
/// <param name="Ratings">
/// Each criterion's key (GET /api/v1/learning/response-reviews/criteria) with Met, Partly, NotMet or, where it may
/// not apply, NotApplicable.
/// </param>
/// <param name="Comments">What the organisation should learn from the letter (optional).</param>
public sealed record RateResponseRequest(IReadOnlyDictionary<string, string?>? Ratings, string? Comments);

/// <summary>Rates a sampled final response of the caller's organisation against every criterion.</summary>
public sealed class RateResponseHandler(ResponseReviewStore reviews, IAuditTrail audit, TimeProvider time)
{
    /// <summary>Rates it, replacing any earlier rating; another organisation's review is not found.</summary>
    public async Task<ResponseReviewView> HandleAsync(Caller caller, Guid id, RateResponseRequest? input, CancellationToken ct)
    {
        var organisation = ResponseReviewSupport.Own(caller);
        var reader = new FieldReader();
        var ratings = new Dictionary<string, CriterionRating>(StringComparer.Ordinal);
        foreach (var (key, value) in input?.Ratings ?? new Dictionary<string, string?>())
        {
            if (ResponseQuality.Criterion(key) is null)
            {
                reader.Add($"ratings.{key}", "Not a criterion (GET /api/v1/learning/response-reviews/criteria): " + string.Join(", ", ResponseQuality.Criteria.Select(c => c.Key)) + ".");
            }
            else if (reader.Enum<CriterionRating>(value, $"ratings.{key}") is { } rating)
            {
                ratings[key] = rating;
            }
            else if (!reader.Has($"ratings.{key}"))
            {
                reader.Add($"ratings.{key}", "Choose met, partly met, not met or not applicable.");
            }
        }
        ResponseQuality.Check(ratings, reader);
        var comments = reader.Text(input?.Comments, "comments", 4_000);
        reader.ThrowIfAny();
        var review = await reviews.FindAsync(organisation, id, ct)
            ?? throw new RequestNotFoundException("No final response with that identifier is in your organisation's sample.");
        review.Rate(ratings, comments, LondonTime.Today(time), caller.SubjectId);
        audit.Record(AuditAction.Update, LearningResources.ResponseReview, review.Id.ToString(), organisation);
        await reviews.SaveAsync(ct);
        return ResponseReviewSupport.View(review);
    }
}
