using IcsComplaints.AdvocacyReferral.Domain.Reviews;
using IcsComplaints.AdvocacyReferral.Domain.Rules;
using IcsComplaints.Validation;

namespace IcsComplaints.UnitTests;

/// <summary><see cref="ReviewCompletion"/>: who may close a review, with what verdict, and how it ends without them.</summary>
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
    public void ACompletion_WithoutAVerdict_IsRefusedOnTheVerdictField_AndLeavesTheReviewOpen()
    {
        var review = Review();

        var refused = Assert.Throws<RequestValidationException>(() => review.Close(ReviewStatus.Completed, "advocate-1", Shared.AddDays(1)));

        Assert.Equal(new[] { ReviewCompletion.VerdictMissing }, refused.Errors[ReviewCompletion.VerdictField]);
        Assert.Equal((ReviewStatus.Open, (ReviewVerdict?)null, (DateOnly?)null), (review.Status, review.Verdict, review.ClosedOn));
    }

    [Fact]
    public void AskingForChanges_WithoutAComment_IsRefused_AndLeavesTheReviewOpen()
    {
        var review = Review();

        var refused = Assert.Throws<RequestValidationException>(() => review.Close(ReviewStatus.Completed, "advocate-1", Shared.AddDays(1), ReviewVerdict.ChangesAsked));

        Assert.Equal(new[] { "Comment on what should change before you ask for changes" }, refused.Errors["verdict"]);
        Assert.Equal(ReviewStatus.Open, review.Status);
        Assert.Null(review.Verdict);
    }

    [Fact]
    public void AskingForChanges_AfterCommenting_CompletesTheReviewWithThatVerdict()
    {
        var review = Review();
        review.Comment(DraftSection.General, "Say when the new appointment will be.", "advocate-1", "Ada Advocate", DateTimeOffset.UnixEpoch, Shared);

        review.Close(ReviewStatus.Completed, "advocate-1", Shared.AddDays(1), ReviewVerdict.ChangesAsked);

        Assert.Equal((ReviewStatus.Completed, ReviewVerdict.ChangesAsked, Shared.AddDays(1)), (review.Status, review.Verdict, review.ClosedOn));
    }

    [Fact]
    public void ApprovingTheDraft_NeedsNoComment()
    {
        var review = Review();

        review.Close(ReviewStatus.Completed, "advocate-1", Shared.AddDays(1), ReviewVerdict.Approved);

        Assert.Equal((ReviewStatus.Completed, ReviewVerdict.Approved), (review.Status, review.Verdict));
    }

    [Fact]
    public void AWaiver_HasNoVerdict()
    {
        var waived = Review();

        waived.Close(ReviewStatus.Waived, "complainant-1", Shared.AddDays(1));

        Assert.Equal((ReviewStatus.Waived, (ReviewVerdict?)null), (waived.Status, waived.Verdict));
        Assert.Throws<ArgumentException>(() => Review().Close(ReviewStatus.Waived, "advocate-1", Shared.AddDays(1), ReviewVerdict.Approved));
    }

    [Theory]
    [InlineData(null, 0, ReviewCompletion.VerdictMissing)]
    [InlineData(null, 3, ReviewCompletion.VerdictMissing)]
    [InlineData(ReviewVerdict.ChangesAsked, 0, ReviewCompletion.ChangesNeedAComment)]
    [InlineData(ReviewVerdict.ChangesAsked, 1, null)]
    [InlineData(ReviewVerdict.Approved, 0, null)]
    [InlineData(ReviewVerdict.Approved, 2, null)]
    public void TheVerdict_IsChecked_AgainstTheComments(ReviewVerdict? verdict, int comments, string? error)
    {
        var errors = new ValidationErrors();

        ReviewCompletion.CheckVerdict(verdict, comments, "verdict", errors);

        if (error is null)
        {
            Assert.True(errors.IsEmpty);
        }
        else
        {
            Assert.Equal(new[] { error }, Assert.Throws<RequestValidationException>(errors.ThrowIfAny).Errors["verdict"]);
        }
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
