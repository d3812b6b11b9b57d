using IcsComplaints.Calendar;
using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Case.Domain.Rules;

namespace IcsComplaints.Case.Api.Features.SendFinalResponse;

/// <summary>
/// What <see cref="FinalResponseSent"/> says of a response, signed or confirming an early resolution alike: counts,
/// dates and flags for reporting and KO41, never the words.
/// </summary>
public static class FinalResponseAnnouncement
{
    /// <summary>The event for the response the case has just sent on <paramref name="sentOn"/>.</summary>
    /// <param name="c">The case, moved to <see cref="CaseStage.FinalResponseSent"/>.</param>
    /// <param name="sentOn">The day it went.</param>
    /// <param name="calendar">The working-day calendar.</param>
    /// <param name="confirmsEarlyResolution">
    /// True when the response is the written confirmation of an early resolution, which itemises no findings, apology
    /// or changes; false for the signed final response, whose draft is counted.
    /// </param>
    public static FinalResponseSent Of(ComplaintCase c, DateOnly sentOn, WorkingDayCalendar calendar, bool confirmsEarlyResolution)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(calendar);
        var due = CaseClock.ResponseDueBy(c, sentOn, calendar);
        var draft = confirmsEarlyResolution ? null : c.Draft ?? throw new InvalidOperationException("A signed response has a draft.");
        return new FinalResponseSent
        {
            CaseId = c.Id, ComplaintId = c.ComplaintId, OrganisationCode = c.OrganisationCode, ReceivedOn = c.ReceivedOn, SentOn = sentOn,
            Outcome = c.Outcome!.Value.ToString(),
            ResolvedEarly = c.CloserLookStartedOn is null,
            ConfirmsEarlyResolution = confirmsEarlyResolution,
            WorkingDaysTaken = calendar.WorkingDaysBetween(c.ReceivedOn, sentOn) - ClockPausing.PausedWorkingDays(c, sentOn, calendar),
            ByAgreedDate = due is null ? null : sentOn <= due,
            Renegotiations = ResponseDateRenegotiation.Renegotiations(c.Agreements.Count),
            WithinBackstop = SixMonthBackstop.Met(sentOn, SixMonthBackstop.For(c)),
            UpdatesBeforeOutcome = c.Contacts.Count(x => x.IsUpdate),
            Findings = draft?.Findings.Count ?? 0,
            FindingsUpheld = draft?.Findings.Count(f => f.Upheld) ?? 0,
            Apology = !string.IsNullOrWhiteSpace(draft?.Apology),
            Changes = draft?.Changes.Count ?? 0,
            Remedy = !string.IsNullOrWhiteSpace(draft?.Remedy),
            Contributors = [.. c.Contributions.Select(x => x.OrganisationCode)],
        };
    }
}
