using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.Correspondence.Api.Data;
using IcsComplaints.Correspondence.Api.Features.QueueMessages;
using IcsComplaints.Messaging.Inbox;
using MassTransit;

namespace IcsComplaints.Correspondence.Api.Consumers;

/// <summary>Tells a member of staff complained about of the complaint, once the case holds their work address.</summary>
public sealed class StaffInvolvedRecordedConsumer(InboxServices<CorrespondenceDbContext> inbox, MessageStore messages, QueueStaffNoticesHandler staff)
    : IdempotentConsumer<StaffInvolvedRecorded, CorrespondenceDbContext>(inbox)
{
    /// <inheritdoc />
    protected override async Task HandleAsync(ConsumeContext<StaffInvolvedRecorded> context)
    {
        var recorded = context.Message;
        // Events recorded before the complaint was carried name none; the case's is used.
        var complaintId = recorded.ComplaintId != Guid.Empty
            ? recorded.ComplaintId
            : (await messages.FindCaseAsync(recorded.CaseId, context.CancellationToken))?.ComplaintId ?? Guid.Empty;
        await staff.StaffRecordedAsync(
            new CaseEvent(context.MessageId!.Value, recorded.CaseId, complaintId, recorded.OrganisationCode), recorded.StaffId, recorded.HasWorkEmail,
            recorded.RecordedOn, context.CancellationToken);
    }
}
