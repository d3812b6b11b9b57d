using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.Intake.Api.Data;
using IcsComplaints.Messaging.Inbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.Intake.Api.Complaints;

/// <summary>
/// Follows the case at the organisation handling each complaint, for the complainant's progress page
/// (<see cref="PublicProgress"/>). A case of another organisation (the ICB's, closed when it transferred the
/// complaint) does not move it.
/// </summary>
public static class CaseProgress
{
    /// <summary>The complaint whose handling case this is, or <c>null</c> when the case is not the one followed.</summary>
    public static async Task<Complaint?> HandlingCaseAsync(IntakeDbContext db, Guid complaintId, string organisationCode, CancellationToken ct) =>
        await db.Complaints.FirstOrDefaultAsync(c => c.Id == complaintId && c.HandlingOrganisationCode == organisationCode, ct);

    /// <summary>The complaint followed through this case, or <c>null</c>.</summary>
    public static async Task<Complaint?> ByCaseAsync(IntakeDbContext db, Guid caseId, CancellationToken ct) =>
        await db.Complaints.FirstOrDefaultAsync(c => c.CaseId == caseId, ct);
}

/// <summary>The case is open at the handling organisation.</summary>
public sealed class CaseOpenedConsumer(InboxServices<IntakeDbContext> inbox) : IdempotentConsumer<CaseOpened, IntakeDbContext>(inbox)
{
    /// <inheritdoc />
    protected override async Task HandleAsync(ConsumeContext<CaseOpened> context)
    {
        var m = context.Message;
        if (await CaseProgress.HandlingCaseAsync(Db, m.ComplaintId, m.OrganisationCode, context.CancellationToken) is { } complaint)
        {
            complaint.CaseId = m.CaseId;
            complaint.CaseOpenedAt ??= m.OpenedAt;
            PublicProgress.Advance(complaint, ComplaintStatus.BeingHandled);
        }
    }
}

/// <summary>The case moved to another stage.</summary>
public sealed class CaseStageChangedConsumer(InboxServices<IntakeDbContext> inbox) : IdempotentConsumer<CaseStageChanged, IntakeDbContext>(inbox)
{
    /// <inheritdoc />
    protected override async Task HandleAsync(ConsumeContext<CaseStageChanged> context)
    {
        var m = context.Message;
        if (await CaseProgress.HandlingCaseAsync(Db, m.ComplaintId, m.OrganisationCode, context.CancellationToken) is not { } complaint)
        {
            return;
        }
        if (m.To == "Reopened")
        {
            PublicProgress.Reopen(complaint);
        }
        else if (PublicProgress.StatusOf(m.To) is { } status)
        {
            PublicProgress.Advance(complaint, status);
        }
    }
}

/// <summary>The case was acknowledged.</summary>
public sealed class CaseAcknowledgedConsumer(InboxServices<IntakeDbContext> inbox) : IdempotentConsumer<CaseAcknowledged, IntakeDbContext>(inbox)
{
    /// <inheritdoc />
    protected override async Task HandleAsync(ConsumeContext<CaseAcknowledged> context)
    {
        var m = context.Message;
        if (await CaseProgress.HandlingCaseAsync(Db, m.ComplaintId, m.OrganisationCode, context.CancellationToken) is { } complaint)
        {
            complaint.AcknowledgedOn = m.AcknowledgedOn;
            PublicProgress.Advance(complaint, ComplaintStatus.Acknowledged);
        }
    }
}

/// <summary>A response date was agreed or renegotiated: the latest agreement is the one in force.</summary>
public sealed class ResponseDateAgreedConsumer(InboxServices<IntakeDbContext> inbox) : IdempotentConsumer<ResponseDateAgreed, IntakeDbContext>(inbox)
{
    /// <inheritdoc />
    protected override async Task HandleAsync(ConsumeContext<ResponseDateAgreed> context)
    {
        var m = context.Message;
        if (await CaseProgress.ByCaseAsync(Db, m.CaseId, context.CancellationToken) is { } complaint &&
            (complaint.ResponseDueByRenegotiation is not { } seen || m.Renegotiation >= seen))
        {
            complaint.ResponseDueBy = m.DueBy;
            complaint.ResponseDueByRenegotiation = m.Renegotiation;
            PublicProgress.Advance(complaint, ComplaintStatus.BeingLookedInto);
        }
    }
}

/// <summary>The final response went.</summary>
public sealed class FinalResponseSentConsumer(InboxServices<IntakeDbContext> inbox) : IdempotentConsumer<FinalResponseSent, IntakeDbContext>(inbox)
{
    /// <inheritdoc />
    protected override async Task HandleAsync(ConsumeContext<FinalResponseSent> context)
    {
        var m = context.Message;
        if (await CaseProgress.HandlingCaseAsync(Db, m.ComplaintId, m.OrganisationCode, context.CancellationToken) is { } complaint)
        {
            complaint.ResponseSentOn = m.SentOn;
            PublicProgress.Advance(complaint, ComplaintStatus.ResponseSent);
        }
    }
}

/// <summary>The case closed, for whatever reason (resolved, withdrawn, excluded, …): never because it was transferred.</summary>
public sealed class CaseClosedConsumer(InboxServices<IntakeDbContext> inbox) : IdempotentConsumer<CaseClosed, IntakeDbContext>(inbox)
{
    /// <inheritdoc />
    protected override async Task HandleAsync(ConsumeContext<CaseClosed> context)
    {
        var m = context.Message;
        if (m.Closure != "Transferred" &&
            await CaseProgress.HandlingCaseAsync(Db, m.ComplaintId, m.OrganisationCode, context.CancellationToken) is { } complaint)
        {
            complaint.ClosedOn = m.ClosedOn;
            PublicProgress.Advance(complaint, ComplaintStatus.Closed);
        }
    }
}
