using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.Intake.Api.Data;
using IcsComplaints.Messaging.Inbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.Intake.Api.Complaints;

/// <summary>Marks a complaint as being handled once its case is open, for the submitter's progress page.</summary>
public sealed class CaseOpenedConsumer(InboxServices<IntakeDbContext> inbox) : IdempotentConsumer<CaseOpened, IntakeDbContext>(inbox)
{
    /// <inheritdoc />
    protected override async Task HandleAsync(ConsumeContext<CaseOpened> context)
    {
        var complaint = await Db.Complaints.FirstOrDefaultAsync(c => c.Id == context.Message.ComplaintId, context.CancellationToken);
        if (complaint is { Status: ComplaintStatus.Received })
        {
            complaint.Status = ComplaintStatus.BeingHandled;
            complaint.CaseOpenedAt = context.Message.OpenedAt;
        }
    }
}
