using IcsComplaints.Calendar;
using IcsComplaints.Case.Api.Data;
using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Intake.Contracts.Events;

namespace IcsComplaints.Case.Api.Features.OpenCase;

/// <summary>Opening and closing cases, the same way for every message that does it.</summary>
public sealed class CaseLifecycle(WorkingDayCalendar calendar, TimeProvider time)
{
    /// <summary>True for the routes on which an ICB has yet to decide who handles the complaint (Reg 7).</summary>
    public static bool AwaitsRouting(ComplaintRoute route) =>
        route is ComplaintRoute.AwaitingConsent or ComplaintRoute.AwaitingRoutingDecision or ComplaintRoute.Misdirected;

    /// <summary>The other parties of a complaint about several organisations, when <paramref name="organisation"/> leads it (Reg 9).</summary>
    public static IReadOnlyList<string> ContributorsFor(string organisation, IReadOnlyList<string> parties, string? lead) =>
        string.Equals(lead, organisation, StringComparison.OrdinalIgnoreCase)
            ? [.. parties.Where(p => !string.Equals(p, organisation, StringComparison.OrdinalIgnoreCase))]
            : [];

    /// <summary>Opens a case and announces it.</summary>
    public ComplaintCase Open(CaseStore store, Messaging.Outbox.IOutbox outbox, CaseOpening opening)
    {
        var opened = ComplaintCase.Open(opening, calendar, time.GetUtcNow());
        ArgumentNullException.ThrowIfNull(store);
        store.Add(opened);
        outbox.Publish(new CaseOpened
        {
            CaseId = opened.Id,
            ComplaintId = opened.ComplaintId,
            Reference = opened.Reference,
            OrganisationCode = opened.OrganisationCode,
            ReceivedOn = opened.ReceivedOn,
            AcknowledgementDueBy = opened.AcknowledgementDueBy,
            OpenedAt = opened.OpenedAt,
            ComplainantSubjectId = opened.ComplainantSubjectId,
        });
        return opened;
    }

    /// <summary>Closes a case and announces it; a closed case stays as it was.</summary>
    public static void Close(Messaging.Outbox.IOutbox outbox, ComplaintCase @case, CaseClosure closure, DateOnly closedOn, CaseOutcome? outcome = null)
    {
        if (@case.Close(closure, closedOn, outcome))
        {
            outbox.Publish(new CaseClosed
            {
                CaseId = @case.Id,
                ComplaintId = @case.ComplaintId,
                OrganisationCode = @case.OrganisationCode,
                ClosedOn = closedOn,
                Closure = closure.ToString(),
                Outcome = outcome?.ToString(),
            });
        }
    }
}
