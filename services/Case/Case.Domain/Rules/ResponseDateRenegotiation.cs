using IcsComplaints.Calendar;
using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Validation;

namespace IcsComplaints.Case.Domain.Rules;

/// <summary>
/// Reg 13(3), 13(7)/(8) and 14 (domain.md §1.6: no national deadline, an agreed response period): the response date is a
/// working day after the day it is agreed with the complainant (or set when they decline to discuss it); the latest
/// agreement holds, and every renegotiation is logged with its reason. An agreement may be recorded on the day it was
/// made, so the date is checked against that day rather than the day it is typed in.
/// </summary>
public static class ResponseDateRenegotiation
{
    /// <summary>The reason recorded with the first agreement when none is given.</summary>
    public const string FirstAgreement = "First agreed date.";

    private const string ReasonMissing = "Say why the agreed response date changes; every renegotiation is logged with its reason.";

    /// <summary>Records an error when a renegotiation comes without its reason.</summary>
    public static void CheckReason(string? reason, int agreementsSoFar, string field, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (reason is null && agreementsSoFar > 0)
        {
            errors.Add(field, ReasonMissing);
        }
    }

    /// <summary>The reason to record: the one given, or for a first agreement <see cref="FirstAgreement"/>; refuses a renegotiation without one.</summary>
    public static string ReasonFor(string? reason, int agreementsSoFar)
    {
        if (!string.IsNullOrWhiteSpace(reason))
        {
            return reason;
        }
        return agreementsSoFar == 0 ? FirstAgreement : throw new RequestValidationException("reason", ReasonMissing);
    }

    /// <summary>
    /// The response date to agree, or <c>null</c> with the error recorded: after the day it is agreed (today, unless
    /// the agreement is recorded later), and a working day (not a weekend or bank holiday).
    /// </summary>
    public static DateOnly? CheckDueBy(DateOnly? dueBy, DateOnly agreedOn, DateOnly today, WorkingDayCalendar calendar, string field, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(errors);
        if (dueBy is not { } date)
        {
            return null;
        }
        if (date <= agreedOn)
        {
            errors.Add(field, agreedOn == today ? "The response date is after today." : $"The response date is after the day it is agreed ({agreedOn:yyyy-MM-dd}).");
            return null;
        }
        if (!calendar.IsWorkingDay(date))
        {
            errors.Add(field, "Agree a working day (not a weekend or bank holiday).");
            return null;
        }
        return date;
    }

    /// <summary>Refuses a response date on or before the day it is agreed.</summary>
    public static void EnsureAfterAgreement(DateOnly agreedOn, DateOnly dueBy)
    {
        if (dueBy <= agreedOn)
        {
            throw new RequestValidationException("dueBy", "The response date is after the day it is agreed.");
        }
    }

    /// <summary>The agreement in force: the latest recorded; one not yet saved (no identifier) is the latest of all.</summary>
    public static ResponseDateAgreement? Current(IEnumerable<ResponseDateAgreement> agreements) =>
        agreements.OrderBy(a => a.Id == 0 ? long.MaxValue : a.Id).LastOrDefault();

    /// <summary>How many times the date was renegotiated: every agreement after the first.</summary>
    public static int Renegotiations(int agreements) => Math.Max(0, agreements - 1);
}
