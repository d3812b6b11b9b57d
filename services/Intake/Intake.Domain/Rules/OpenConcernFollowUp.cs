using IcsComplaints.Intake.Domain.Concerns;
using IcsComplaints.Validation;

namespace IcsComplaints.Intake.Domain.Rules;

/// <summary>
/// A concern not put right at once stays open with a day the team comes back to it, so that it is neither forgotten
/// nor recorded as resolved when it was not. Only an everyday conversation can be open: an oral complaint that is not
/// resolved by the next working day is a complaint under the Regulations (Reg 8(1)(c),
/// <see cref="OralComplaintResolvedNextWorkingDay"/>). The NHS Complaint Standards' maxim, "no issue is too big to be a
/// concern and no issue is too small to be a complaint" (domain.md §1.3), is why an open concern can become a complaint at
/// any time (<see cref="ConcernBecomingComplaint"/>).
/// </summary>
public static class OpenConcernFollowUp
{
    /// <summary>
    /// Checks the dates of a concern being recorded: resolved on a day from the day it was raised, or, while open, an
    /// everyday conversation with a follow-up day from today.
    /// </summary>
    public static void CheckRecording(
        FieldReader fields, InformalConcernKind? kind, DateOnly receivedOn, DateOnly? resolvedOn, DateOnly? followUpOn, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (resolvedOn is { } resolved)
        {
            if (resolved < receivedOn)
            {
                fields.Add("resolvedOn", "A concern is resolved on or after the day it was raised.");
            }
            if (followUpOn is not null)
            {
                fields.Add("followUpOn", "A resolved concern needs no follow-up: give the day it was resolved or a follow-up day, not both.");
            }
            return;
        }
        if (kind == InformalConcernKind.OralComplaintResolved)
        {
            fields.Add("resolvedOn", "Give the day the oral complaint was resolved: one not resolved by the next working day is a complaint (Reg 8(1)(c)).");
            return;
        }
        if (followUpOn is null)
        {
            fields.Add("followUpOn", "Give the day it was resolved or, if it is still open, the day you will follow it up.");
        }
        else if (followUpOn < today)
        {
            fields.Add("followUpOn", $"The follow-up day is today ({today:yyyy-MM-dd}) or later.");
        }
    }

    /// <summary>Checks that <paramref name="concern"/> is open, and the day it is put right.</summary>
    public static void CheckResolution(FieldReader fields, InformalConcern concern, DateOnly? resolvedOn)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(concern);
        if (concern.Status != ConcernStatus.Open)
        {
            fields.Add("resolvedOn", concern.Status == ConcernStatus.Resolved
                ? $"This concern was resolved on {concern.ResolvedOn:yyyy-MM-dd}."
                : "This concern became a complaint: it is answered as one.");
        }
        else if (resolvedOn < concern.ReceivedOn)
        {
            fields.Add("resolvedOn", $"A concern is resolved on or after the day it was raised ({concern.ReceivedOn:yyyy-MM-dd}).");
        }
    }
}
