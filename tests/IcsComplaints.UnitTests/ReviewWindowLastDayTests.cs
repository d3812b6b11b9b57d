using IcsComplaints.AdvocacyReferral.Domain.Reviews;
using IcsComplaints.AdvocacyReferral.Domain.Rules;
using IcsComplaints.Validation;

namespace IcsComplaints.UnitTests;

/// <summary><see cref="ReviewWindowLastDay"/>: the advocate acts on a review through the last day of its window, not after.</summary>
public sealed class ReviewWindowLastDayTests
{
    private static readonly DateOnly LastDay = new(2026, 3, 13);

    [Fact]
    public void TheWindow_IncludesItsLastDay_AndClosesTheDayAfter()
    {
        Assert.True(ReviewWindowLastDay.IsOpenOn(LastDay, LastDay.AddDays(-4)));
        Assert.True(ReviewWindowLastDay.IsOpenOn(LastDay, LastDay));
        Assert.False(ReviewWindowLastDay.IsOpenOn(LastDay, LastDay.AddDays(1)));
    }

    [Fact]
    public void AComment_AfterTheWindow_IsRefused_WithItsLastDay()
    {
        var review = ReviewTask.Open(Guid.NewGuid(), 1, "ADV01", LastDay.AddDays(-7), LastDay);

        var refused = Assert.Throws<RequestStateException>(() =>
            review.Comment(DraftSection.General, "Too late", "advocate-1", "A. Advocate", DateTimeOffset.UnixEpoch, LastDay.AddDays(1)));

        Assert.Equal("The review window ended on 2026-03-13.", refused.Message);
        Assert.Empty(review.Comments);
    }

    [Fact]
    public void AReview_MayBeCompleted_OnTheLastDayOfItsWindow()
    {
        var review = ReviewTask.Open(Guid.NewGuid(), 1, "ADV01", LastDay.AddDays(-7), LastDay);

        review.Close(ReviewStatus.Completed, "advocate-1", LastDay, ReviewVerdict.Approved);

        Assert.Equal((ReviewStatus.Completed, LastDay), (review.Status, review.ClosedOn));
    }
}
