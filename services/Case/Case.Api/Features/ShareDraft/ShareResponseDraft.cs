using IcsComplaints.Case.Api.Data;
using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Case.Domain.Rules;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Case.Api.Features.ShareDraft;

/// <summary>
/// Shares the latest saved draft with its reviewers — each advocacy service whose consent covers draft review, and
/// the other organisations of a co-ordinated response (Reg 9) — and starts their review window
/// (<see cref="AdvocateReviewWindow"/>). Saving a draft shares nothing (ADR 23): this is the deliberate step.
/// Sharing a version already shared with everyone opens nothing new.
/// </summary>
public sealed class ShareResponseDraft(CaseSteps steps, CaseStore store, IOutbox outbox, DraftSharing sharing, CaseDraftReviewers reviewers)
{
    /// <summary>Takes the step.</summary>
    public async Task HandleAsync(Caller caller, Guid caseId, CaseRequests.ShareDraft input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var c = await steps.LoadAsync(caller, caseId, CaseSteps.Workers, ct);
        if (c.Stage != CaseStage.ResponseDrafted || c.Draft is null)
        {
            throw new RequestStateException("Save a draft response before sharing it.");
        }
        var reviewing = await reviewers.ForAsync(c, ct);
        if (reviewing.Count == 0)
        {
            throw new RequestStateException(
                "There is nobody to share the draft with: no advocate has the complainant's consent to review drafts, and no other organisation contributes to the response.");
        }
        if (reviewing.All(r => c.Reviews.Any(x => x.Version == c.DraftVersion && string.Equals(x.ReviewerCode, r.Code, StringComparison.OrdinalIgnoreCase))))
        {
            return;
        }
        var today = steps.Today;
        var window = await sharing.WindowEndsAsync(store, c.OrganisationCode, today, ct);
        await steps.ApplyAsync(c, () => sharing.Share(store, outbox, c, reviewing, today, window), ct);
    }
}
