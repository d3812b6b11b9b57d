using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Case.Domain.Rules;
using IcsComplaints.Validation;
using static IcsComplaints.UnitTests.CaseRules.CaseFixtures;

namespace IcsComplaints.UnitTests.CaseRules;

/// <summary><see cref="AdvocateReviewWindow"/>: a shared draft holds the final response back until reviewed or its window passes.</summary>
public sealed class AdvocateReviewWindowTests
{
    private static readonly DateOnly SharedOn = new(2026, 11, 4); // a Wednesday

    [Fact]
    public void TheWindow_EndsTheGivenWorkingDaysAfterSharing()
    {
        Assert.Equal(new DateOnly(2026, 11, 11), AdvocateReviewWindow.EndsOn(SharedOn, AdvocateReviewWindow.DefaultWorkingDays, EnglandAndWales));
    }

    [Fact]
    public void AnOpenReview_HoldsTheResponseBack_UntilItsWindowPasses()
    {
        var c = Drafted();
        var windowEndsOn = AdvocateReviewWindow.EndsOn(SharedOn, AdvocateReviewWindow.DefaultWorkingDays, EnglandAndWales);
        var review = Assert.Single(c.ShareDraft([("ADV01", ReviewerKind.Advocacy)], SharedOn, windowEndsOn));

        Assert.True(AdvocateReviewWindow.Holds(review, windowEndsOn));
        Assert.Throws<RequestStateException>(() => c.EnsureReviewsDone(windowEndsOn));

        var dayAfter = windowEndsOn.AddDays(1);
        Assert.True(AdvocateReviewWindow.HasPassed(review, dayAfter));
        c.EnsureReviewsDone(dayAfter);
        Assert.Equal([review], c.ExpireReviews(dayAfter));
        Assert.Equal((DraftReviewStatus.Expired, (DateOnly?)dayAfter), (review.Status, review.ClosedOn));
    }

    [Fact]
    public void AClosedReview_NoLongerHoldsTheResponseBack()
    {
        var c = Drafted();
        var review = Assert.Single(c.ShareDraft([("ADV01", ReviewerKind.Advocacy)], SharedOn, new DateOnly(2026, 11, 11)));

        Assert.True(c.CloseReview(review.Version, "ADV01", DraftReviewStatus.Completed, SharedOn));

        Assert.False(AdvocateReviewWindow.Holds(review, SharedOn));
        c.EnsureReviewsDone(SharedOn);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData(1, true)]
    [InlineData(20, true)]
    [InlineData(0, false)]
    [InlineData(21, false)]
    public void AnOrganisationsWindow_IsOneToTwentyWorkingDays(int? window, bool accepted)
    {
        var errors = new ValidationErrors();

        AdvocateReviewWindow.Check(window, "reviewWindowWorkingDays", errors);

        Assert.Equal(accepted, errors.IsEmpty);
    }
}
