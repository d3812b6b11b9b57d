using IcsComplaints.Intake.Domain.Complaints;
using IcsComplaints.Validation;

namespace IcsComplaints.Intake.Domain.Rules;

/// <summary>
/// Reg 13(2): an oral complaint (by telephone, in person or through PALS) is written down and a copy sent to the
/// complainant; only such a complaint has a written record, sent on or after the day it was made.
/// </summary>
public static class WrittenRecordOfOralComplaint
{
    /// <summary>Checks the day the written record was sent, for a complaint received on <paramref name="receivedOn"/>.</summary>
    public static void Check(FieldReader fields, DateOnly sentOn, ComplaintChannel channel, DateOnly receivedOn, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (!channel.IsOral())
        {
            fields.Add("writtenRecordSentOn", "Only an oral complaint (phone, in person, PALS) has a written record to send (Reg 13(2)).");
        }
        else if (sentOn < receivedOn || sentOn > today)
        {
            fields.Add("writtenRecordSentOn", "The written record is sent on or after the day the complaint was made, and not after today.");
        }
    }
}
