using System.Globalization;
using IcsComplaints.Correspondence.Api.Data;
using IcsComplaints.Correspondence.Domain.Messages;
using IcsComplaints.Correspondence.Domain.Rules;
using Microsoft.Extensions.Options;

namespace IcsComplaints.Correspondence.Api.Features.QueueMessages;

/// <summary>
/// Queues the notices owed to those asked to review a case's draft final response and to advocates: the advocacy
/// service a complaint is referred to, each advocacy service a draft is shared with (and its reminder on the
/// window's last day), each contributing organisation of a joint complaint (Reg 9), and each advocacy service whose
/// client's consent covers the case when the final response is sent. One message per event, template and recipient,
/// in the consumer's transaction, as <see cref="QueueMessagesHandler"/> does.
/// </summary>
public sealed class QueueReviewerNoticesHandler(MessageStore store, ConsentStore consents, IOptions<CorrespondenceOptions> options, TimeProvider clock)
{
    /// <summary>
    /// The advocacy service is told of a referral to it. The event names no complaint, so the complaint is the
    /// case's when the case is known; the notice itself needs only the case.
    /// </summary>
    public async Task ReferralRequestedAsync(
        Guid eventId, Guid caseId, string organisationCode, string advocacyServiceCode, DateOnly requestedOn, string requestedBy, CancellationToken ct)
    {
        var complaintId = (await store.FindCaseAsync(caseId, ct))?.ComplaintId ?? Guid.Empty;
        await QueueAsync(new CaseEvent(eventId, caseId, complaintId, organisationCode), MessageTemplates.AdvocacyReferral,
            RecipientRole.AdvocacyService, advocacyServiceCode, new Dictionary<string, string>
            {
                [ReviewerFacts.RequestedOn] = Iso(requestedOn),
                [ReviewerFacts.RequestedBy] = requestedBy,
            }, null, ct);
    }

    /// <summary>
    /// A draft shared for review: each advocacy service is asked to review it, with a reminder queued for the
    /// window's last day, and each contributing organisation's complaints team is asked for its part (Reg 9).
    /// </summary>
    public async Task DraftSharedAsync(
        CaseEvent raised, int version, IReadOnlyList<string> advocacyServiceCodes, IReadOnlyList<string> contributorCodes,
        DateOnly sharedOn, DateOnly windowEndsOn, CancellationToken ct)
    {
        var facts = new Dictionary<string, string>
        {
            [ReviewerFacts.Version] = version.ToString(CultureInfo.InvariantCulture),
            [ReviewerFacts.SharedOn] = Iso(sharedOn),
            [ReviewerFacts.WindowEndsOn] = Iso(windowEndsOn),
        };
        var reminderAt = AdvocateNotices.ClosingDayReminderAt(sharedOn, windowEndsOn, TimeOnly.FromTimeSpan(options.Value.ReviewReminderTime));
        foreach (var code in advocacyServiceCodes.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            await QueueAsync(raised, MessageTemplates.DraftForAdvocateReview, RecipientRole.AdvocacyService, code, facts, null, ct);
            if (reminderAt is { } at)
            {
                await QueueAsync(raised, MessageTemplates.DraftReviewClosingToday, RecipientRole.AdvocacyService, code, facts, at, ct);
            }
        }
        foreach (var code in contributorCodes.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            await QueueAsync(raised, MessageTemplates.DraftForContributor, RecipientRole.ContributingOrganisation, code, facts, null, ct);
        }
    }

    /// <summary>A review closed before its last day: the reminder waiting for that day is no longer owed.</summary>
    public async Task DraftReviewClosedAsync(Guid caseId, int version, string reviewerCode, string outcome, DateOnly closedOn, CancellationToken ct)
    {
        var versionText = version.ToString(CultureInfo.InvariantCulture);
        foreach (var reminder in await store.WaitingAsync(caseId, MessageTemplates.DraftReviewClosingToday, reviewerCode, ct))
        {
            if (reminder.OptionalFact(ReviewerFacts.Version) == versionText)
            {
                reminder.Withdraw($"The review closed ({outcome}) on {Iso(closedOn)}, so no reminder is owed.");
            }
        }
    }

    /// <summary>
    /// The final response was sent: each advocacy service whose client's consent covers the case that day is told,
    /// under the grant that covers it (checked again when it is sent).
    /// </summary>
    public async Task FinalResponseSentAsync(CaseEvent raised, DateOnly sentOn, CancellationToken ct)
    {
        foreach (var grant in AdvocateNotices.CoveringFinalResponse(await consents.ForCaseAsync(raised.CaseId, ct), sentOn))
        {
            await QueueAsync(raised, MessageTemplates.FinalResponseIssued, RecipientRole.AdvocacyService, grant.AdvocacyServiceCode,
                new Dictionary<string, string>
                {
                    [ReviewerFacts.SentOn] = Iso(sentOn),
                    [ReviewerFacts.GrantId] = grant.GrantId.ToString(),
                }, null, ct);
        }
    }

    private Task QueueAsync(
        CaseEvent raised, string template, RecipientRole recipient, string recipientCode, Dictionary<string, string> facts, DateTimeOffset? notBefore, CancellationToken ct) =>
        store.QueueAsync(SentMessage.Queue(
            raised.EventId, template, recipient, recipientCode, raised.CaseId, raised.ComplaintId, raised.OrganisationCode, facts, clock.GetUtcNow(), notBefore), ct);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>The names under which notices to reviewers and advocates keep the event's facts.</summary>
public static class ReviewerFacts
{
    /// <summary>The day a referral was made.</summary>
    public const string RequestedOn = "requestedOn";

    /// <summary>Who made it: Handler or Complainant.</summary>
    public const string RequestedBy = "requestedBy";

    /// <summary>The draft's version.</summary>
    public const string Version = "version";

    /// <summary>The day the draft was shared.</summary>
    public const string SharedOn = "sharedOn";

    /// <summary>The last day of its review window.</summary>
    public const string WindowEndsOn = "windowEndsOn";

    /// <summary>The day the final response was sent.</summary>
    public const string SentOn = "sentOn";

    /// <summary>The consent grant the notice of the final response was queued under.</summary>
    public const string GrantId = "grantId";
}
