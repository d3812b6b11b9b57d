using IcsComplaints.Calendar;
using IcsComplaints.Case.Api.Data;
using IcsComplaints.Case.Api.Features.ViewCases;
using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.Platform.Audit;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Case.Api.Features;

/// <summary>
/// What every step of the procedure on a case does the same way, whichever use case it is: checks who may act (role
/// and organisation) before the input is read, and after the change announces a change of stage, audits and saves,
/// with the step's own events, in one transaction.
/// </summary>
public sealed class CaseSteps(CaseStore store, IOutbox outbox, IAuditTrail audit, TimeProvider time, WorkingDayCalendar calendar)
{
    /// <summary>Roles that run the procedure for their organisation: the complaints team (and the ICB's, for cases it handles).</summary>
    public static readonly IReadOnlyList<string> Managers = [Roles.ComplaintsHandler, Roles.IcbCommissioner];

    /// <summary>Roles that work on a case: the complaints team and investigators.</summary>
    public static readonly IReadOnlyList<string> Workers = [Roles.ComplaintsHandler, Roles.IcbCommissioner, Roles.Investigator];

    /// <summary>Roles that may sign a final response, with the named delegate of a case.</summary>
    public static readonly IReadOnlyList<string> Signers = [Roles.ResponsiblePerson];

    /// <summary>Today in England.</summary>
    public DateOnly Today => LondonTime.Today(time);

    /// <summary>
    /// The case with its records; 404 when the caller's organisation does not handle it (or they are not its
    /// complainant), 403 when it does but the caller's role may not take this step.
    /// </summary>
    public async Task<ComplaintCase> LoadAsync(Caller caller, Guid caseId, IReadOnlyList<string> roles, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var c = await store.FindAsync(caseId, ct);
        if (c is null || !CaseQueries.MayRead(caller, c))
        {
            throw new RequestNotFoundException();
        }
        if (!caller.ActsFor(c.OrganisationCode, roles))
        {
            throw new RequestForbiddenException("Your role does not take this step on a case.");
        }
        return c;
    }

    /// <summary>The case as an organisation contributing to its co-ordinated response (Reg 9) works on it.</summary>
    public async Task<ComplaintCase> LoadAsContributorAsync(Caller caller, Guid caseId, IReadOnlyList<string> roles, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var c = await store.FindAsync(caseId, ct);
        if (c is null || caller.OrganisationCode is not { } organisation || !c.Contributions.Any(x => x.OrganisationCode == organisation)
            || !caller.HasAny(CaseQueries.ReaderRoles))
        {
            throw new RequestNotFoundException();
        }
        if (!caller.ActsFor(organisation, roles))
        {
            throw new RequestForbiddenException("Your role does not take this step on your organisation's contribution.");
        }
        return c;
    }

    /// <summary>Applies a change, publishes the step's events and a stage change if there was one, audits and saves.</summary>
    public async Task ApplyAsync(ComplaintCase c, Action change, CancellationToken ct, Action? publish = null)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(change);
        var before = c.Stage;
        change();
        publish?.Invoke();
        if (c.Stage != before)
        {
            outbox.Publish(new CaseStageChanged
            {
                CaseId = c.Id, ComplaintId = c.ComplaintId, OrganisationCode = c.OrganisationCode, From = before.ToString(), To = c.Stage.ToString(),
                On = Today, WorkingDaysSinceReceipt = calendar.WorkingDaysBetween(c.ReceivedOn, Today),
            });
        }
        audit.Record(AuditAction.Update, AuditResources.Case, c.Id.ToString(), c.OrganisationCode);
        await store.SaveAsync(ct);
    }
}
