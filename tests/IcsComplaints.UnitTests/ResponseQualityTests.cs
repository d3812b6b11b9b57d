using IcsComplaints.Learning.Domain.ResponseReviews;
using IcsComplaints.Learning.Domain.Rules;
using IcsComplaints.Validation;

namespace IcsComplaints.UnitTests;

/// <summary><see cref="ResponseQuality"/>: every criterion rated, not-applicable only where a letter may rightly not do it, and the score of what applies.</summary>
public sealed class ResponseQualityTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    private static Dictionary<string, CriterionRating> All(CriterionRating rating) =>
        ResponseQuality.Criteria.ToDictionary(c => c.Key, _ => rating, StringComparer.Ordinal);

    [Fact]
    public void OnlyTheImpact_TheApology_AndWhatWillChange_MayNotApply()
    {
        Assert.Equal(["impact", "apology-and-remedy", "what-will-change"], ResponseQuality.Criteria.Where(c => !c.AlwaysApplies).Select(c => c.Key));
        Assert.Contains(ResponseQuality.Criteria, c => c.Key == "next-steps" && c.Source.Contains("Reg 14(2)(d)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(CriterionRating.Met, 1.0)]
    [InlineData(CriterionRating.Partly, 0.5)]
    [InlineData(CriterionRating.NotMet, 0.0)]
    public void AScore_IsThePointsEarned_OverThePointsTheCriteriaThatApplyCouldEarn(CriterionRating rating, double score) =>
        Assert.Equal(score, ResponseQuality.Score(All(rating).Values));

    [Fact]
    public void ACriterionThatDoesNotApply_NeitherEarnsNorCosts()
    {
        var ratings = All(CriterionRating.Met);
        ratings["apology-and-remedy"] = CriterionRating.NotApplicable;
        ratings["reasons"] = CriterionRating.NotMet;
        // 6 met of 7 that apply: 12 of 14 points.
        Assert.Equal(Math.Round(12 / 14.0, 4), ResponseQuality.Score(ratings.Values));
    }

    [Fact]
    public void ARating_NamesEachCriterionLeftOut_OrMarkedNotApplicableWhereEveryLetterMustMeetIt()
    {
        var ratings = All(CriterionRating.Met);
        ratings.Remove("reasons");
        ratings["next-steps"] = CriterionRating.NotApplicable;
        ratings["impact"] = CriterionRating.NotApplicable;
        var review = ResponseReview.Sample(Guid.NewGuid(), "RJ1-0001", "RJ1", Today.AddDays(-3), Today);

        var refused = Assert.Throws<RequestValidationException>(() => review.Rate(ratings, null, Today, "quality"));

        Assert.Equal(["ratings.next-steps", "ratings.reasons"], refused.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.False(review.Reviewed);
        Assert.Empty(review.Ratings);
    }

    [Fact]
    public void TheResults_CountEachRatingPerCriterion_AndTheAverageScoreOfTheReviewedLetters()
    {
        var good = ResponseReview.Sample(Guid.NewGuid(), "RJ1-0001", "RJ1", Today, Today);
        good.Rate(All(CriterionRating.Met), "Clear.", Today, "quality");
        var weak = ResponseReview.Sample(Guid.NewGuid(), "RJ1-0002", "RJ1", Today, Today);
        // Read twice: the second rating replaces the first.
        weak.Rate(All(CriterionRating.Met), null, Today, "quality");
        var weakRatings = All(CriterionRating.Partly);
        weakRatings["apology-and-remedy"] = CriterionRating.NotApplicable;
        weak.Rate(weakRatings, null, Today, "quality");

        var results = ResponseQuality.Results([good, weak]);

        Assert.Equal(ResponseQuality.Criteria.Count, weak.Ratings.Count);
        Assert.Equal(ResponseQuality.Criteria.Select(c => c.Key), results.Select(r => r.Criterion));
        Assert.Equal(new CriterionResult("reasons", 1, 1, 0, 0), results.Single(r => r.Criterion == "reasons"));
        Assert.Equal(1.0, results.Single(r => r.Criterion == "apology-and-remedy").MetShare);
        Assert.Equal(0.75, ResponseQuality.AverageScore([good, weak]));
        Assert.Null(ResponseQuality.AverageScore([]));
    }
}
