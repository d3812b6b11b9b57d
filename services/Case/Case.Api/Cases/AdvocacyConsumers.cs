using IcsComplaints.AdvocacyReferral.Contracts.Events;
using IcsComplaints.Calendar;
using IcsComplaints.Case.Api.Data;
using IcsComplaints.Messaging.Inbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.Case.Api.Cases;

/// <summary>Records the complainant's consent to an advocacy service, to know whom to ask for reviews.</summary>
public sealed class ConsentGrantedConsumer(InboxServices<CaseDbContext> inbox) : IdempotentConsumer<ConsentGranted, CaseDbContext>(inbox)
{
    /// <inheritdoc />
    protected override async Task HandleAsync(ConsumeContext<ConsentGranted> context)
    {
        var granted = context.Message;
        if (!await Db.AdvocacyConsents.AnyAsync(a => a.GrantId == granted.GrantId, context.CancellationToken))
        {
            Db.AdvocacyConsents.Add(new AdvocacyConsent
            {
                GrantId = granted.GrantId, CaseId = granted.CaseId, AdvocacyServiceCode = granted.AdvocacyServiceCode, ReviewDrafts = granted.ReviewDrafts,
            });
        }
    }
}

/// <summary>
/// An advocate is assigned: from now on drafts are shared with their service, and a draft already waiting is
/// shared at once.
/// </summary>
public sealed class ReferralAcceptedConsumer(InboxServices<CaseDbContext> inbox, DraftSharing sharing, WorkingDayCalendar calendar, TimeProvider time)
    : IdempotentConsumer<ReferralAccepted, CaseDbContext>(inbox)
{
    /// <inheritdoc />
    protected override async Task HandleAsync(ConsumeContext<ReferralAccepted> context)
    {
        var accepted = context.Message;
        var consents = await Db.AdvocacyConsents
            .Where(a => a.CaseId == accepted.CaseId && a.AdvocacyServiceCode == accepted.AdvocacyServiceCode && a.Active).ToListAsync(context.CancellationToken);
        if (consents.Count == 0)
        {
            // The consent is announced in the same transaction as the referral; until it arrives, try again.
            throw new InvalidOperationException($"No consent recorded yet for case {accepted.CaseId} and {accepted.AdvocacyServiceCode}.");
        }
        foreach (var consent in consents)
        {
            consent.Accepted = true;
        }
        if (!consents.Any(c => c.ReviewDrafts))
        {
            return;
        }
        var c = await Db.Cases.Include(x => x.Reviews).FirstOrDefaultAsync(x => x.Id == accepted.CaseId, context.CancellationToken);
        if (c is { Stage: CaseStage.ResponseDrafted })
        {
            var days = (await Db.OrganisationSettings.AsNoTracking().FirstOrDefaultAsync(s => s.OrganisationCode == c.OrganisationCode, context.CancellationToken))
                ?.ReviewWindowWorkingDays ?? OrganisationSettings.DefaultReviewWindow;
            var today = LondonTime.Today(time);
            sharing.Share(Db, Outbox, c, [(accepted.AdvocacyServiceCode, ReviewerKind.Advocacy)], today, calendar.AddWorkingDays(today, days));
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
        var consent = await Db.AdvocacyConsents.FirstOrDefaultAsync(a => a.GrantId == revoked.GrantId, context.CancellationToken);
        if (consent is not null)
        {
            consent.Active = false;
        }
        var c = await Db.Cases.Include(x => x.Reviews).FirstOrDefaultAsync(x => x.Id == revoked.CaseId, context.CancellationToken);
        foreach (var review in c?.Reviews.Where(r => r.Status == DraftReviewStatus.Open && r.ReviewerCode == revoked.AdvocacyServiceCode).ToList() ?? [])
        {
            c!.CloseReview(review.Version, review.ReviewerCode, DraftReviewStatus.ConsentRevoked, revoked.EndedOn);
            sharing.PublishClosed(Outbox, c, review.Version, review.ReviewerCode, DraftReviewStatus.ConsentRevoked, 0, revoked.EndedOn);
        }
    }
}

/// <summary>The advocate completed or waived their review: it no longer holds the response back.</summary>
public sealed class DraftReviewCompletedConsumer(InboxServices<CaseDbContext> inbox, DraftSharing sharing) : IdempotentConsumer<DraftReviewCompleted, CaseDbContext>(inbox)
{
    /// <inheritdoc />
    protected override async Task HandleAsync(ConsumeContext<DraftReviewCompleted> context)
    {
        var done = context.Message;
        var c = await Db.Cases.Include(x => x.Reviews).FirstOrDefaultAsync(x => x.Id == done.CaseId, context.CancellationToken);
        var outcome = done.Outcome == nameof(DraftReviewStatus.Waived) ? DraftReviewStatus.Waived : DraftReviewStatus.Completed;
        if (c is not null && c.CloseReview(done.Version, done.ReviewerCode, outcome, done.CompletedOn, done.Comments))
        {
            sharing.PublishClosed(Outbox, c, done.Version, done.ReviewerCode, outcome, done.Comments, done.CompletedOn);
        }
    }
}
