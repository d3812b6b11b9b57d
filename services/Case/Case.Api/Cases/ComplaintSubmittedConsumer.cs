using IcsComplaints.Calendar;
using IcsComplaints.Case.Api.Data;
using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.Intake.Contracts.Events;
using IcsComplaints.Messaging.Inbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.Case.Api.Cases;

/// <summary>
/// Opens a case at the organisation the complaint was made to, with its acknowledgement due on the third
/// working day after the day of receipt (Reg 13(3)), and announces it with <see cref="CaseOpened"/>.
/// </summary>
public sealed class ComplaintSubmittedConsumer(InboxServices<CaseDbContext> inbox, WorkingDayCalendar calendar, TimeProvider time)
    : IdempotentConsumer<ComplaintSubmitted, CaseDbContext>(inbox)
{
    /// <summary>Working days allowed for the acknowledgement (Reg 13(3)).</summary>
    public const int AcknowledgementWorkingDays = 3;

    /// <inheritdoc />
    protected override async Task HandleAsync(ConsumeContext<ComplaintSubmitted> context)
    {
        var complaint = context.Message;
        // The inbox drops a redelivered message; this guards against the same complaint announced twice.
        if (await Db.Cases.AnyAsync(c => c.ComplaintId == complaint.ComplaintId, context.CancellationToken))
        {
            return;
        }

        var opened = ComplaintCase.Open(
            complaint.ComplaintId,
            complaint.Reference,
            complaint.OrganisationCode,
            complaint.ReceivedOn,
            calendar.AddWorkingDays(complaint.ReceivedOn, AcknowledgementWorkingDays),
            time.GetUtcNow(),
            complaint.ComplainantSubjectId);
        Db.Cases.Add(opened);
        Outbox.Publish(new CaseOpened
        {
            CaseId = opened.Id,
            ComplaintId = opened.ComplaintId,
            Reference = opened.Reference,
            OrganisationCode = opened.OrganisationCode,
            ReceivedOn = opened.ReceivedOn,
            AcknowledgementDueBy = opened.AcknowledgementDueBy,
            OpenedAt = opened.OpenedAt,
        });
    }
}
