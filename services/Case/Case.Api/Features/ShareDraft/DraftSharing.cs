using IcsComplaints.Calendar;
using IcsComplaints.Case.Api.Data;
using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Case.Domain.Rules;
using IcsComplaints.Messaging.Outbox;

namespace IcsComplaints.Case.Api.Features.ShareDraft;

/// <summary>
/// Shares a draft with its reviewers and announces what happens to each review, the same way for every caller:
/// the handler sharing a saved draft, an advocate's acceptance arriving while a shared draft waits, the response
/// being sent, the deadline scan expiring a window.
/// </summary>
public sealed class DraftSharing(WorkingDayCalendar calendar)
{
    /// <summary>The last day of a review opened today: the organisation's review window (<see cref="AdvocateReviewWindow"/>).</summary>
    public async Task<DateOnly> WindowEndsAsync(CaseStore store, string organisationCode, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        var days = (await store.SettingsAsync(organisationCode, ct))?.ReviewWindowWorkingDays
            ?? AdvocateReviewWindow.DefaultWorkingDays;
        return AdvocateReviewWindow.EndsOn(today, days, calendar);
    }

    /// <summary>Opens reviews of the current draft, keeps its snapshot, and publishes <see cref="DraftShared"/>; returns the reviews opened.</summary>
    public IReadOnlyList<DraftReview> Share(CaseStore store, IOutbox outbox, ComplaintCase c, IEnumerable<(string Code, ReviewerKind Kind)> reviewers, DateOnly today, DateOnly windowEndsOn)
    {
        var superseded = c.Reviews.Where(r => r.Status == DraftReviewStatus.Open && r.Version < c.DraftVersion).Select(r => (r.Version, r.ReviewerCode)).ToList();
        var opened = c.ShareDraft(reviewers, today, windowEndsOn);
        if (opened.Count == 0)
        {
            return opened;
        }
        foreach (var (version, reviewer) in superseded.Where(s => c.Reviews.Any(r => r.Version == s.Version && r.ReviewerCode == s.ReviewerCode && r.Status == DraftReviewStatus.Superseded)))
        {
            PublishClosed(outbox, c, version, reviewer, DraftReviewStatus.Superseded, 0, today);
        }
        store.KeepDraftSnapshot(c, DateTimeOffset.UtcNow);
        outbox.Publish(new DraftShared
        {
            CaseId = c.Id, ComplaintId = c.ComplaintId, OrganisationCode = c.OrganisationCode, Version = c.DraftVersion,
            AdvocacyServiceCodes = [.. opened.Where(r => r.Kind == ReviewerKind.Advocacy).Select(r => r.ReviewerCode)],
            ContributorCodes = [.. opened.Where(r => r.Kind == ReviewerKind.Contributor).Select(r => r.ReviewerCode)],
            SharedOn = today, WindowEndsOn = windowEndsOn,
        });
        return opened;
    }

    /// <summary>Expires the reviews whose window has passed, each announced.</summary>
    public void Expire(IOutbox outbox, ComplaintCase c, DateOnly today)
    {
        foreach (var review in c.ExpireReviews(today))
        {
            PublishClosed(outbox, c, review.Version, review.ReviewerCode, DraftReviewStatus.Expired, 0, review.ClosedOn ?? today);
        }
    }

    /// <summary>Announces a review's closing.</summary>
    public void PublishClosed(IOutbox outbox, ComplaintCase c, int version, string reviewer, DraftReviewStatus outcome, int comments, DateOnly on) =>
        outbox.Publish(new DraftReviewClosed
        {
            CaseId = c.Id, OrganisationCode = c.OrganisationCode, Version = version, ReviewerCode = reviewer, Outcome = outcome.ToString(), Comments = comments, ClosedOn = on,
        });
}
