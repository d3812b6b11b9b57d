using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.Validation;

namespace IcsComplaints.Case.Api.Features.RecordStaffInvolved;

/// <summary>What adding and updating a member of staff complained about read and announce alike.</summary>
public static class StaffInvolvedRecords
{
    /// <summary>What is known of them so far; a field left out keeps what was recorded.</summary>
    public static StaffDetails Details(FieldReader reader, CaseRequests.Staff input, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(input);
        return new(
            reader.DateInCalendar(input.ToldOn, "toldOn", today),
            reader.Text(input.SupportOffered, "supportOffered", 2_000),
            reader.Text(input.Comments, "comments", 10_000),
            reader.Text(input.CommentsUse, "commentsUse", 2_000),
            reader.DateInCalendar(input.SawFinalResponseOn, "sawFinalResponseOn", today),
            reader.Email(input.WorkEmail, "workEmail"));
    }

    /// <summary>Announces <see cref="StaffInvolvedRecorded"/>: identifiers, dates and yes/no only, never what staff said nor their address.</summary>
    public static void Publish(IOutbox outbox, ComplaintCase c, StaffInvolved staff, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(staff);
        outbox.Publish(new StaffInvolvedRecorded
        {
            CaseId = c.Id, ComplaintId = c.ComplaintId, OrganisationCode = c.OrganisationCode, StaffId = staff.Id, ToldOn = staff.ToldOn, SupportOffered = staff.SupportOffered is not null,
            SawFinalResponse = staff.SawFinalResponseOn is not null, RecordedOn = today, HasWorkEmail = staff.WorkEmail is not null,
        });
    }
}
