using IcsComplaints.Calendar;
using IcsComplaints.Case.Api.Data;
using IcsComplaints.Case.Api.Features.ShareDraft;
using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Case.Domain.Rules;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Case.Api.Features.SendFinalResponse;

/// <summary>
/// Sends the signed final response in writing (Reg 14), once every review of the draft is done; announces
/// <see cref="FinalResponseSent"/> with what the reporting service counts.
/// </summary>
public sealed class SendFinalResponse(CaseSteps steps, CaseStore store, IOutbox outbox, WorkingDayCalendar calendar, DraftSharing sharing, CaseDraftReviewers reviewers)
{
    /// <summary>Takes the step.</summary>
    public async Task HandleAsync(Caller caller, Guid caseId, CaseRequests.Send input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var c = await steps.LoadAsync(caller, caseId, CaseSteps.Managers, ct);
        var reader = new FieldReader();
        var today = steps.Today;
        var sentOn = reader.DateOrToday(input.SentOn, "sentOn", today);
        var channel = reader.Enum<ContactChannel>(input.Channel, "channel", CaseInput.OneOf<ContactChannel>());
        FinalResponseCompleteness.CheckSentInWriting(channel, "channel", reader.Errors);
        reader.ThrowIfAny();
        sharing.Expire(outbox, c, today);
        // Every reviewer sees the version that goes: one saved privately and never shared, or a reviewer who joined
        // since the last sharing (a referral accepted a moment ago), is shared now and holds the response back (ADR 23).
        if (c.Stage == CaseStage.ResponseDrafted)
        {
            var missing = (await reviewers.ForAsync(c, ct))
                .Where(r => !c.Reviews.Any(x => x.Version == c.DraftVersion && string.Equals(x.ReviewerCode, r.Code, StringComparison.OrdinalIgnoreCase))).ToList();
            if (missing.Count > 0)
            {
                sharing.Share(store, outbox, c, missing, today, await sharing.WindowEndsAsync(store, c.OrganisationCode, today, ct));
                await store.SaveAsync(ct);
            }
        }
        await steps.ApplyAsync(c, () => c.SendFinalResponse(sentOn, channel!.Value), ct, () => outbox.Publish(FinalResponseAnnouncement.Of(c, sentOn, calendar, confirmsEarlyResolution: false)));
    }
}
