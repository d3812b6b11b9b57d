using IcsComplaints.AdvocacyReferral.Contracts.Events;
using IcsComplaints.Calendar;
using IcsComplaints.Case.Api.Data;
using IcsComplaints.Case.Api.Features.ShareDraft;
using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Messaging.Inbox;
using MassTransit;

namespace IcsComplaints.Case.Api.Consumers;

/// <summary>
/// An advocate is assigned with consent to review drafts: a draft the handler already shared with reviewers is
/// shared with their service at once. A version saved since and not yet shared stays private until the handler shares it.
/// </summary>
public sealed class ReferralAcceptedConsumer(InboxServices<CaseDbContext> inbox, DraftSharing sharing, TimeProvider time)
    : IdempotentConsumer<ReferralAccepted, CaseDbContext>(inbox)
{
    /// <inheritdoc />
    protected override async Task HandleAsync(ConsumeContext<ReferralAccepted> context)
    {
        var accepted = context.Message;
        if (!accepted.ReviewDrafts)
        {
            return;
        }
        var c = await new CaseStore(Db).FindWithReviewsAsync(accepted.CaseId, context.CancellationToken);
        if (c is { Stage: CaseStage.ResponseDrafted } && c.SharedVersion == c.DraftVersion)
        {
            var today = LondonTime.Today(time);
            sharing.Share(new CaseStore(Db), Outbox, c, [(accepted.AdvocacyServiceCode, ReviewerKind.Advocacy)], today,
                await sharing.WindowEndsAsync(new CaseStore(Db), c.OrganisationCode, today, context.CancellationToken));
        }
    }
}

/// <summary>Consent ended: no more reviews for that service, and its open review no longer holds the response back.</summary>
public sealed class ConsentRevokedConsumer(InboxServices<CaseDbContext> inbox, DraftSharing sharing) : IdempotentConsumer<ConsentRevoked, CaseDbContext>(inbox)
{
    /// <inheritdoc />
    protected override async Task HandleAsync(ConsumeContext<ConsentRevoked> context)
    {
        var revoked = context.Message;
        var c = await new CaseStore(Db).FindWithReviewsAsync(revoked.CaseId, context.CancellationToken);
        foreach (var review in c?.Reviews.Where(r => r.Status == DraftReviewStatus.Open && r.ReviewerCode == revoked.AdvocacyServiceCode).ToList() ?? [])
        {
            c!.CloseReview(review.Version, review.ReviewerCode, DraftReviewStatus.ConsentRevoked, revoked.EndedOn);
            sharing.PublishClosed(Outbox, c, review.Version, review.ReviewerCode, DraftReviewStatus.ConsentRevoked, 0, revoked.EndedOn);
        }
    }
}

/// <summary>
/// The advocate completed their review, approving the draft or asking for changes, or it was waived: it no longer
/// holds the response back, and the team sees the verdict. An event from before verdicts were announced has none.
/// </summary>
public sealed class DraftReviewCompletedConsumer(InboxServices<CaseDbContext> inbox, DraftSharing sharing) : IdempotentConsumer<DraftReviewCompleted, CaseDbContext>(inbox)
{
    /// <inheritdoc />
    protected override async Task HandleAsync(ConsumeContext<DraftReviewCompleted> context)
    {
        var done = context.Message;
        var c = await new CaseStore(Db).FindWithReviewsAsync(done.CaseId, context.CancellationToken);
        var outcome = done.Outcome == nameof(DraftReviewStatus.Waived) ? DraftReviewStatus.Waived : DraftReviewStatus.Completed;
        // A verdict this version does not know is not a reason to keep the review holding the response back.
        DraftReviewVerdict? verdict = outcome == DraftReviewStatus.Completed && Enum.TryParse<DraftReviewVerdict>(done.Verdict, out var known) && Enum.IsDefined(known)
            ? known : null;
        if (c is not null && c.CloseReview(done.Version, done.ReviewerCode, outcome, done.CompletedOn, done.Comments, verdict: verdict))
        {
            sharing.PublishClosed(Outbox, c, done.Version, done.ReviewerCode, outcome, done.Comments, done.CompletedOn);
        }
    }
}
