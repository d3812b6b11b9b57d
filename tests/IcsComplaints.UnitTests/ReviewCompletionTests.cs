using IcsComplaints.AdvocacyReferral.Domain.Reviews;
using IcsComplaints.AdvocacyReferral.Domain.Rules;
using IcsComplaints.Validation;

namespace IcsComplaints.UnitTests;

/// <summary><see cref="ReviewCompletion"/>: who may close a review, and how it ends without them.</summary>
public sealed class ReviewCompletionTests
{
    private static readonly DateOnly Shared = new(2026, 3, 2);

    private static ReviewTask Review() => ReviewTask.Open(Guid.NewGuid(), 2, "ADV01", Shared, Shared.AddDays(7));

    [Theory]
    [InlineData(ReviewStatus.Completed, true, false, true)]
    [InlineData(ReviewStatus.Completed, false, true, false)]
    [InlineData(ReviewStatus.Waived, true, false, true)]
    [InlineData(ReviewStatus.Waived, false, true, true)]
    [InlineData(ReviewStatus.Waived, false, false, false)]
    [InlineData(ReviewStatus.Ended, true, true, false)]
    public void OnlyTheAdvocateCompletes_TheComplainantMayWaive(ReviewStatus outcome, bool asAdvocate, bool asComplainant, bool may) =>
        Assert.Equal(may, ReviewCompletion.MayClose(outcome, asAdvocate, asComplainant));

    [Fact]
    public void AClosedReview_IsActedOnNoMore()
    {
        var review = Review();
        review.Close(ReviewStatus.Waived, "complainant-1", Shared.AddDays(1));

        var refused = Assert.Throws<RequestStateException>(() => review.Close(ReviewStatus.Completed, "advocate-1", Shared.AddDays(2)));

        Assert.Equal("The review is Waived.", refused.Message);
    }

    [Fact]
    public void ANewerDraft_OrTheEndOfConsent_EndsAnOpenReview_SayingWhy()
    {
        var superseded = Review();
        var released = Review();

        superseded.Supersede(Shared.AddDays(1));
        released.EndWithConsent(Shared.AddDays(2));
        released.Supersede(Shared.AddDays(3));

        Assert.Equal((ReviewStatus.Ended, ReviewCompletion.Superseded), (superseded.Status, superseded.ClosedBy));
        Assert.Equal((ReviewStatus.Ended, ReviewCompletion.ConsentEnded, Shared.AddDays(2)), (released.Status, released.ClosedBy, released.ClosedOn));
    }
}
