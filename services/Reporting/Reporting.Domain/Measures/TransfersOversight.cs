using IcsComplaints.Calendar;
using IcsComplaints.Reporting.Domain.Rules;

namespace IcsComplaints.Reporting.Domain.Measures;

/// <summary>A complaint the ICB received, as the transfers view needs it: the ICB's side and what its provider case shows.</summary>
/// <param name="ComplaintId">The complaint.</param>
/// <param name="ReceivedOn">Received by the ICB.</param>
/// <param name="ConsentAwaited">Arrived waiting for consent.</param>
/// <param name="ConsentRecordedOn">The complainant's answer recorded.</param>
/// <param name="TransferredOn">Transferred by the ICB.</param>
/// <param name="ToOrganisationCode">The provider it was transferred to.</param>
/// <param name="EndedOn">Withdrawn or excluded.</param>
/// <param name="CaseId">The provider's case, once opened.</param>
/// <param name="ResponseSentOn">The provider's final response.</param>
/// <param name="Outcome">Its outcome.</param>
/// <param name="ClosedOn">The provider's case closed.</param>
/// <param name="Closure">How.</param>
public sealed record TransferRow(
    Guid ComplaintId, DateOnly ReceivedOn, bool ConsentAwaited, DateOnly? ConsentRecordedOn, DateOnly? TransferredOn, string? ToOrganisationCode, DateOnly? EndedOn,
    Guid? CaseId, DateOnly? ResponseSentOn, string? Outcome, DateOnly? ClosedOn, string? Closure);

/// <summary>A complaint waiting for the complainant's consent to share it with the provider: no personal data.</summary>
/// <param name="CaseId">The ICB's case, on hold, once opened.</param>
/// <param name="ReceivedOn">Received by the ICB.</param>
/// <param name="WorkingDaysWaiting">Working days since.</param>
public sealed record AwaitingConsent(Guid? CaseId, DateOnly ReceivedOn, int WorkingDaysWaiting);

/// <summary>One transfer the ICB made and what became of it, identified by the provider's case as overdue cases are.</summary>
/// <param name="CaseId">The provider's case; null until the provider's case is reported opened.</param>
/// <param name="FromOrganisationCode">The ICB.</param>
/// <param name="ToOrganisationCode">The provider.</param>
/// <param name="ReceivedOn">Received by the ICB.</param>
/// <param name="TransferredOn">Transferred.</param>
/// <param name="IcbWorkingDays">The ICB's working days, receipt to transfer.</param>
/// <param name="ConsentWorkingDays">Of those, waiting for consent (null when the events cannot tell).</param>
/// <param name="TriageWorkingDays">Of those, the ICB's triage and decision (null when the events cannot tell).</param>
/// <param name="ProviderWorkingDays">The provider's working days, transfer to final response or so far.</param>
/// <param name="ProviderFinished">The provider's days are final.</param>
/// <param name="Outcome">Upheld, PartiallyUpheld or NotUpheld once responded; else how the case closed, if it did.</param>
/// <param name="OutcomeOn">The day of the response, or of the closure.</param>
public sealed record TransferMade(
    Guid? CaseId, string FromOrganisationCode, string ToOrganisationCode, DateOnly ReceivedOn, DateOnly TransferredOn, int IcbWorkingDays, int? ConsentWorkingDays,
    int? TriageWorkingDays, int ProviderWorkingDays, bool ProviderFinished, string? Outcome, DateOnly? OutcomeOn);

/// <summary>Whose time it was at one provider, over the transfers made to it in the period.</summary>
/// <param name="OrganisationCode">The provider.</param>
/// <param name="Transfers">Transfers made to it.</param>
/// <param name="Finished">Of those, responded to or closed: the ones its median counts.</param>
/// <param name="MedianIcbWorkingDays">Median of the ICB's working days over every transfer.</param>
/// <param name="MedianProviderWorkingDays">Median of the provider's working days over the finished ones.</param>
public sealed record TransferTimes(string OrganisationCode, int Transfers, int Finished, double? MedianIcbWorkingDays, double? MedianProviderWorkingDays);

/// <summary>An ICB's transfers to its providers: what waits for consent now, the transfers of a period, and whose time each took.</summary>
/// <param name="Period">The period of the transfers (by the day transferred).</param>
/// <param name="AwaitingConsentCount">Complaints waiting for consent now.</param>
/// <param name="AwaitingConsent">Each of them, longest waiting first.</param>
/// <param name="Transfers">Transfers made in the period, latest first.</param>
/// <param name="Providers">Per provider transferred to, in code order.</param>
public sealed record TransfersView(
    string Period, int AwaitingConsentCount, IReadOnlyList<AwaitingConsent> AwaitingConsent, IReadOnlyList<TransferMade> Transfers, IReadOnlyList<TransferTimes> Providers)
{
    /// <summary>
    /// Builds the view from the ICB's complaints: waiting are those that arrived waiting for consent, with no answer
    /// recorded, neither transferred nor withdrawn or excluded; transfers are those to the ICB's own providers
    /// transferred in the period.
    /// </summary>
    public static TransfersView Of(
        WorkingDayCalendar calendar, string icbCode, ReportingPeriod period, IReadOnlyCollection<string> providers, IEnumerable<TransferRow> rows, DateOnly today)
    {
        var all = rows.ToList();
        var waiting = all
            .Where(r => r.ConsentAwaited && r.ConsentRecordedOn is null && r.TransferredOn is null && r.EndedOn is null)
            .Select(r => new AwaitingConsent(r.CaseId, r.ReceivedOn, TransferTimeSplit.DaysWaiting(calendar, r.ReceivedOn, today)))
            .OrderBy(w => w.ReceivedOn).ThenBy(w => w.CaseId)
            .ToList();
        var transfers = all
            .Where(r => r.TransferredOn is { } on && on >= period.From && on <= period.To && r.ToOrganisationCode is { } to && providers.Contains(to))
            .Select(r =>
            {
                var ended = r.ResponseSentOn ?? r.ClosedOn;
                var time = TransferTimeSplit.Of(calendar, r.ReceivedOn, r.ConsentAwaited, r.ConsentRecordedOn, r.TransferredOn!.Value, ended, today);
                return new TransferMade(
                    r.CaseId, icbCode, r.ToOrganisationCode!, r.ReceivedOn, r.TransferredOn.Value, time.IcbWorkingDays, time.ConsentWorkingDays, time.TriageWorkingDays,
                    time.ProviderWorkingDays, time.ProviderFinished, r.ResponseSentOn is not null ? r.Outcome : r.Closure, ended);
            })
            .OrderByDescending(t => t.TransferredOn).ThenBy(t => t.ToOrganisationCode, StringComparer.Ordinal).ThenBy(t => t.CaseId)
            .ToList();
        var perProvider = transfers
            .GroupBy(t => t.ToOrganisationCode)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new TransferTimes(
                g.Key, g.Count(), g.Count(t => t.ProviderFinished),
                MeasureDefinitions.Median(g.Select(t => t.IcbWorkingDays)),
                // Days so far would pull a provider's median down for the cases it is still on: only finished ones count.
                MeasureDefinitions.Median(g.Where(t => t.ProviderFinished).Select(t => t.ProviderWorkingDays))))
            .ToList();
        return new TransfersView(period.Label, waiting.Count, waiting, transfers, perProvider);
    }
}
