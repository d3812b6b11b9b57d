using IcsComplaints.Case.Api.Data;
using IcsComplaints.Case.Api.Features.ShareDraft;
using IcsComplaints.Case.Api.Features.ViewCases;
using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.Platform.Audit;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Case.Api.Features.ReviewDraftAsContributor;

/// <summary>A contributing organisation finishes its review of a shared draft (Reg 9).</summary>
public sealed class ReviewDraftAsContributor(CaseSteps steps, CaseStore store, IOutbox outbox, IAuditTrail audit, DraftSharing sharing)
{
    /// <summary>Takes the step.</summary>
    public async Task HandleAsync(Caller caller, Guid caseId, int version, CaseRequests.ContributorReview input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(input);
        var c = await steps.LoadAsContributorAsync(caller, caseId, CaseQueries.DetailRoles, ct);
        var reader = new FieldReader();
        var comment = reader.Text(input.Comment, "comment", 10_000);
        reader.ThrowIfAny();
        var organisation = caller.OrganisationCode!;
        var comments = comment is null ? 0 : 1;
        if (!c.CloseReview(version, organisation, DraftReviewStatus.Completed, steps.Today, comments, comment))
        {
            throw new RequestStateException($"There is no open review of draft {version} for {organisation}.");
        }
        sharing.PublishClosed(outbox, c, version, organisation, DraftReviewStatus.Completed, comments, steps.Today);
        audit.Record(AuditAction.Update, AuditResources.Case, c.Id.ToString(), c.OrganisationCode);
        await store.SaveAsync(ct);
    }
}
