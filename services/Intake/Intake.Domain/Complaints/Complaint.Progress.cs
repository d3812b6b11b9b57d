
namespace IcsComplaints.Intake.Domain.Complaints;

/// <summary>
/// The complainant's view of progress, which follows the case at the organisation handling the complaint
/// (<see cref="PublicProgress"/>): it only moves on, so an event delivered late never takes it back, except a reopening.
/// </summary>
public sealed partial class Complaint
{
    /// <summary>The handling organisation opened a case for the complaint; its progress is followed from now on.</summary>
    public void FollowCase(Guid caseId, DateTimeOffset openedAt)
    {
        CaseId = caseId;
        CaseOpenedAt ??= openedAt;
        MoveOnTo(ComplaintStatus.BeingHandled);
    }

    /// <summary>The case moved to another stage (as <c>CaseStageChanged</c> names it).</summary>
    public void CaseMovedTo(string stage)
    {
        if (stage == PublicProgress.ReopenedStage)
        {
            // A reopened case is being looked into again: the closure no longer stands.
            Status = ComplaintStatus.BeingLookedInto;
            ClosedOn = null;
        }
        else if (PublicProgress.StatusOf(stage) is { } status)
        {
            MoveOnTo(status);
        }
    }

    /// <summary>The case was acknowledged.</summary>
    public void CaseAcknowledged(DateOnly acknowledgedOn)
    {
        AcknowledgedOn = acknowledgedOn;
        MoveOnTo(ComplaintStatus.Acknowledged);
    }

    /// <summary>A response date was agreed (0) or renegotiated (1, 2, …): the latest agreement is the one in force.</summary>
    public void ResponseDateAgreed(DateOnly dueBy, int renegotiation)
    {
        if (ResponseDueByRenegotiation is { } seen && renegotiation < seen)
        {
            return;
        }
        ResponseDueBy = dueBy;
        ResponseDueByRenegotiation = renegotiation;
        MoveOnTo(ComplaintStatus.BeingLookedInto);
    }

    /// <summary>The final response went.</summary>
    public void FinalResponseSent(DateOnly sentOn)
    {
        ResponseSentOn = sentOn;
        MoveOnTo(ComplaintStatus.ResponseSent);
    }

    /// <summary>The case closed (resolved, withdrawn, excluded, …).</summary>
    public void CaseClosed(DateOnly closedOn)
    {
        ClosedOn = closedOn;
        MoveOnTo(ComplaintStatus.Closed);
    }

    private void MoveOnTo(ComplaintStatus status) => Status = PublicProgress.Later(Status, status);
}
