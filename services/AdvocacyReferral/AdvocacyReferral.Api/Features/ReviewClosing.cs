using IcsComplaints.AdvocacyReferral.Api.Data;
using IcsComplaints.AdvocacyReferral.Contracts.Events;
using IcsComplaints.AdvocacyReferral.Domain.Reviews;
using IcsComplaints.AdvocacyReferral.Domain.Rules;
using IcsComplaints.Calendar;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.Platform.Audit;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.AdvocacyReferral.Api.Features;

/// <summary>Closes a review as completed or waived, the same way for both: the case learns the outcome, the advocate's verdict and how many comments there were.</summary>
public sealed class ReviewClosing(ReviewerAccess access, ReviewStore reviews, IOutbox outbox, IAuditTrail audit, TimeProvider time)
{
    /// <summary>
    /// Closes the review with the outcome, when the caller may (<see cref="ReviewCompletion"/>); a completion names
    /// the verdict (<see cref="ReviewVerdict"/>), a waiver none.
    /// </summary>
    public async Task CloseAsync(Caller caller, long reviewId, ReviewStatus outcome, string? verdict, CancellationToken ct)
    {
        var (review, advocate, complainant) = await access.ForReviewerAsync(caller, reviewId, ct);
        if (!ReviewCompletion.MayClose(outcome, advocate, complainant))
        {
            throw new RequestForbiddenException("The advocate completes the review; the complainant may waive it.");
        }
        ReviewVerdict? read = null;
        if (outcome == ReviewStatus.Completed)
        {
            var reader = new FieldReader();
            read = reader.Enum<ReviewVerdict>(verdict, ReviewCompletion.VerdictField, ReviewCompletion.VerdictMissing);
            reader.ThrowIfAny();
        }
        var today = LondonTime.Today(time);
        review.Close(outcome, caller.SubjectId, today, read);
        outbox.Publish(new DraftReviewCompleted
        {
            CaseId = review.CaseId, Version = review.Version, ReviewerCode = review.AdvocacyServiceCode, Outcome = outcome.ToString(),
            Comments = review.Comments.Count, CompletedOn = today, Verdict = read?.ToString(),
        });
        audit.Record(AuditAction.Update, AdvocacyResources.Review, review.Id.ToString(), review.AdvocacyServiceCode);
        await reviews.SaveAsync(ct);
    }
}
