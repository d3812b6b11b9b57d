using IcsComplaints.Learning.Domain.ResponseReviews;
using IcsComplaints.Learning.Domain.Rules;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Learning.Api.Features.ResponseReviews;

/// <summary>One criterion's rating, as shown.</summary>
/// <param name="Criterion">The criterion's key.</param>
/// <param name="Rating">Met, Partly, NotMet or NotApplicable.</param>
public sealed record RatingView(string Criterion, CriterionRating Rating);

/// <summary>A final response in the sample, as shown to its organisation's quality lead.</summary>
/// <param name="Id">Identifier of the review.</param>
/// <param name="CaseId">The case, whose letter is read at the case service.</param>
/// <param name="Reference">The case's reference.</param>
/// <param name="SentOn">The day the letter was sent.</param>
/// <param name="SampledOn">The day it was drawn.</param>
/// <param name="ReviewedOn">The day it was last rated; <c>null</c> while waiting.</param>
/// <param name="Score">Its score from 0 to 1 once rated (ResponseQuality).</param>
/// <param name="Ratings">Its rating on each criterion once rated, in the criteria's order.</param>
/// <param name="Comments">What the reviewer would have the organisation learn from it.</param>
public sealed record ResponseReviewView(
    Guid Id, Guid CaseId, string Reference, DateOnly SentOn, DateOnly SampledOn, DateOnly? ReviewedOn, double? Score,
    IReadOnlyList<RatingView> Ratings, string? Comments);

/// <summary>How an organisation's sampled letters sent in a period did; names no one.</summary>
/// <param name="OrganisationCode">The organisation.</param>
/// <param name="From">First day a letter was sent.</param>
/// <param name="To">Last day.</param>
/// <param name="Sampled">Letters drawn into samples.</param>
/// <param name="Reviewed">Of those, letters rated.</param>
/// <param name="AverageScore">Their mean score from 0 to 1; <c>null</c> when none is rated.</param>
/// <param name="Criteria">How they did on each criterion.</param>
public sealed record ResponseQualityView(
    string OrganisationCode, DateOnly From, DateOnly To, int Sampled, int Reviewed, double? AverageScore, IReadOnlyList<CriterionResult> Criteria);

/// <summary>What the response review use cases share: whose sample the caller keeps, the period asked for, and how reviews are shown.</summary>
public static class ResponseReviewSupport
{
    /// <summary>The caller's organisation, when the caller reviews its letters (its quality lead or responsible person).</summary>
    public static string Own(Caller caller) =>
        LearningAccess.GovernedOrganisation(caller, "The quality lead or responsible person samples and rates the organisation's final responses.");

    /// <summary>
    /// The period from <paramref name="from"/> to <paramref name="to"/> (yyyy-MM-dd), each within the calendar; by
    /// default the <paramref name="defaultMonths"/> months to today.
    /// </summary>
    public static (DateOnly From, DateOnly To) Period(FieldReader reader, string? from, string? to, DateOnly today, int defaultMonths)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var end = reader.Date(to, "to", DateRules.FirstCalendarDay, today) ?? today;
        var start = reader.Date(from, "from", DateRules.FirstCalendarDay, today) ?? end.AddMonths(-defaultMonths).AddDays(1);
        if (start > end && !reader.Has("from") && !reader.Has("to"))
        {
            reader.Add("from", "The period must start on or before the day it ends.");
        }
        return (start, end);
    }

    /// <summary>A review as shown.</summary>
    public static ResponseReviewView View(ResponseReview review)
    {
        ArgumentNullException.ThrowIfNull(review);
        var ratings = ResponseQuality.Criteria
            .Select(c => review.Ratings.FirstOrDefault(r => r.Criterion == c.Key))
            .OfType<ResponseReviewRating>()
            .Select(r => new RatingView(r.Criterion, r.Rating)).ToList();
        return new(review.Id, review.CaseId, review.Reference, review.SentOn, review.SampledOn, review.ReviewedOn,
            review.Reviewed ? ResponseQuality.Score(review.Ratings.Select(r => r.Rating)) : null, ratings, review.Comments);
    }

    /// <summary>An organisation's results for the period, from its reviews in it.</summary>
    public static ResponseQualityView Quality(string organisationCode, DateOnly from, DateOnly to, IReadOnlyCollection<ResponseReview> reviews)
    {
        var reviewed = reviews.Where(r => r.Reviewed).ToList();
        return new(organisationCode, from, to, reviews.Count, reviewed.Count, ResponseQuality.AverageScore(reviewed), ResponseQuality.Results(reviewed));
    }
}
