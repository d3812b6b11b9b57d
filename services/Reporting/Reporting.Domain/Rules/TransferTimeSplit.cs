using IcsComplaints.Calendar;

namespace IcsComplaints.Reporting.Domain.Rules;

/// <summary>
/// Whose time it was, for a complaint an ICB received about a provider and transferred to it. The Regulations deem
/// the transferred complaint made to the provider on the day the ICB received it (Reg 6(6), 7(5); domain.md §2, §4.3),
/// so the provider's own clock starts on that day and charges it with the ICB's days. Oversight splits them: the
/// ICB's days from receipt to the transfer, in two parts where the events allow (waiting for the complainant's consent
/// to share it, Reg 7(3), then the ICB's own triage and decision, Reg 7(4)-(5)), and the provider's days from the
/// transfer to its final response. Every count is in working days (<see cref="WorkingDayCalendar"/>: weekdays that are
/// not England and Wales bank holidays), counting the days after the first date up to and including the second, as
/// every deadline in the service is counted.
/// </summary>
public static class TransferTimeSplit
{
    /// <summary>
    /// Splits the time of one transferred complaint.
    /// </summary>
    /// <param name="calendar">The working-day calendar.</param>
    /// <param name="receivedOn">The day the ICB received it.</param>
    /// <param name="consentAwaited">It arrived waiting for the complainant's consent (Reg 7(3)).</param>
    /// <param name="consentRecordedOn">The day the complainant's answer was recorded, if it was.</param>
    /// <param name="transferredOn">The day the ICB transferred it.</param>
    /// <param name="providerEndedOn">The provider's final response, or else the day its case closed without one, if either.</param>
    /// <param name="today">Today, for a provider still handling it.</param>
    public static TransferTime Of(
        WorkingDayCalendar calendar, DateOnly receivedOn, bool consentAwaited, DateOnly? consentRecordedOn, DateOnly transferredOn, DateOnly? providerEndedOn, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        // A transfer recorded with a date before receipt (an import's dates) leaves the ICB no days, not negative ones.
        var transfer = transferredOn < receivedOn ? receivedOn : transferredOn;
        var icb = calendar.WorkingDaysBetween(receivedOn, transfer);
        int? consent = (consentAwaited, consentRecordedOn) switch
        {
            // Consent given with the complaint, or never asked for: none of the ICB's time was spent waiting for it.
            (false, null) => 0,
            // Consent awaited but its answer never reported: the ICB's days cannot be split.
            (true, null) => null,
            // An answer recorded after the transfer (or before receipt) is bounded by them.
            (_, { } recorded) => calendar.WorkingDaysBetween(receivedOn, Clamp(recorded, receivedOn, transfer)),
        };
        var providerEnd = providerEndedOn ?? today;
        var provider = calendar.WorkingDaysBetween(transfer, providerEnd < transfer ? transfer : providerEnd);
        return new TransferTime(icb, consent, icb - consent, provider, providerEndedOn is not null);
    }

    /// <summary>Working days a complaint has waited for the complainant's consent since the ICB received it.</summary>
    public static int DaysWaiting(WorkingDayCalendar calendar, DateOnly receivedOn, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return today < receivedOn ? 0 : calendar.WorkingDaysBetween(receivedOn, today);
    }

    private static DateOnly Clamp(DateOnly day, DateOnly first, DateOnly last) => day < first ? first : day > last ? last : day;
}

/// <summary>The working days of one transferred complaint, the ICB's and the provider's.</summary>
/// <param name="IcbWorkingDays">From the ICB's receipt to the transfer.</param>
/// <param name="ConsentWorkingDays">Of those, waiting for the complainant's consent; null when the events cannot tell.</param>
/// <param name="TriageWorkingDays">Of those, the ICB's own triage and decision after consent; null when the events cannot tell.</param>
/// <param name="ProviderWorkingDays">From the transfer to the provider's final response, or so far.</param>
/// <param name="ProviderFinished">The provider has responded (or closed its case): its days are final, not so far.</param>
public sealed record TransferTime(int IcbWorkingDays, int? ConsentWorkingDays, int? TriageWorkingDays, int ProviderWorkingDays, bool ProviderFinished);
