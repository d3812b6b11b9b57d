using IcsComplaints.Calendar;
using IcsComplaints.Case.Api.Data;
using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Case.Domain.Rules;
using IcsComplaints.Intake.Contracts;
using IcsComplaints.Platform.Audit;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Case.Api.Features.ViewCases;

/// <summary>
/// Reads cases for the REST and gRPC APIs alike, only those the caller may see: staff see their own
/// organisation's cases, a complainant their own; anyone else sees nothing, and a case they may not see is
/// reported as not found, never as forbidden.
/// </summary>
public sealed class CaseQueries(CaseReads reads, IAuditTrail audit, TimeProvider time, WorkingDayCalendar calendar)
{
    /// <summary>Most cases one list returns.</summary>
    public const int PageSize = 200;

    /// <summary>Roles that see their own organisation's cases.</summary>
    public static readonly IReadOnlyList<string> ReaderRoles = [.. Roles.OrganisationStaff, Roles.IntegrationSystem];

    /// <summary>Roles that see the detail of a case, personal data included (an integrating system sees the queue view only).</summary>
    public static readonly IReadOnlyList<string> DetailRoles = Roles.OrganisationStaff;

    private DateOnly Today => LondonTime.Today(time);

    /// <summary>True when the caller is staff of the organisation handling the case, or its signed-in complainant.</summary>
    public static bool MayRead(Caller caller, ComplaintCase c) =>
        caller.ActsFor(c.OrganisationCode, ReaderRoles) ||
        (caller.Has(Roles.Complainant) && c.ComplainantSubjectId is not null && c.ComplainantSubjectId == caller.SubjectId);

    /// <summary>One case as a queue line, or <c>null</c> when it does not exist or the caller may not see it. Reads are audited.</summary>
    public async Task<CaseView?> GetAsync(Caller caller, Guid caseId, CancellationToken ct)
    {
        var found = await reads.FindAsync(caseId, ct);
        if (found is null || !MayRead(caller, found))
        {
            return null;
        }
        await audit.RecordReadAsync(AuditResources.Case, found.Id.ToString(), found.OrganisationCode, ct);
        return View(found);
    }

    /// <summary>Everything about a case, for its organisation's staff. Audited.</summary>
    public async Task<CaseDetail?> GetDetailAsync(Caller caller, Guid caseId, CancellationToken ct)
    {
        var c = await reads.FindAsync(caseId, ct);
        if (c is null || !MayRead(caller, c))
        {
            return null;
        }
        if (!caller.ActsFor(c.OrganisationCode, DetailRoles))
        {
            throw new RequestForbiddenException("The detail of a case is for the staff of the organisation handling it.");
        }
        await audit.RecordReadAsync(AuditResources.Case, c.Id.ToString(), c.OrganisationCode, ct);
        var today = Today;
        return new CaseDetail(
            View(c), c.AcknowledgedOn, c.DiscussionOffered, c.DiscussedOn, c.EarlyResolutionDueBy, c.CloserLookStartedOn, c.EscalationReason, c.Plan,
            c.Investigator, c.ConflictCheck, c.ResponsiblePerson, c.SigningDelegate, CaseClock.ResponseDueBy(c, today, calendar), SixMonthBackstop.For(c),
            ClockPausing.PausedWorkingDays(c, today, calendar), Deadlines(c), [.. c.Agreements.OrderBy(a => a.Id)], [.. c.Pauses.OrderBy(p => p.Id)],
            c.UpdateEveryWorkingDays, UpdateFrequency.NextDue(c, calendar), [.. c.Contacts.OrderBy(x => x.On).ThenBy(x => x.Id)], [.. c.Staff.OrderBy(s => s.Id)],
            DraftView.Of(c), c.Draft is null ? [] : [.. FinalResponseCompleteness.Check(c).Select(e => $"{e.Field}: {e.Message}")], c.Signature, c.FinalResponseSentOn,
            c.DelayLetterSentOn, c.Coding, [.. c.Contributions.OrderBy(x => x.OrganisationCode, StringComparer.Ordinal)], c.ReopenCount,
            c.OmbudsmanReferralLearnedOn, [.. c.Surveys.Select(s => s.Kind)], [.. c.Reviews.OrderBy(r => r.Version).ThenBy(r => r.ReviewerCode, StringComparer.Ordinal)],
            c.EarlyResolution);
    }

    /// <summary>The work queue: cases the caller may see, filtered, most urgent first unless another order is asked for.</summary>
    public async Task<IReadOnlyList<CaseView>> ListAsync(Caller caller, CaseFilter filter, CancellationToken ct)
    {
        string? canonical = null;
        if (!string.IsNullOrWhiteSpace(filter.Reference))
        {
            canonical = ComplaintReference.Normalise(filter.Reference)
                ?? throw new RequestValidationException("reference", "Give a complaint reference such as K3QX-9HF7 (eight letters and digits).");
        }
        if (filter.DueWithinWorkingDays is < 0 or > 260)
        {
            throw new RequestValidationException("dueWithin", "Give 0 to 260 working days.");
        }
        if (filter.AssignedTo is { Length: > MaxSubjectIdLength })
        {
            throw new RequestValidationException("assignedTo", $"Give the user id of a handler or investigator (at most {MaxSubjectIdLength} characters).");
        }
        // Staff see their organisation's cases, a signed-in complainant their own; advocates see cases only under a
        // consent grant (advocacy referrals), so through this list nothing.
        var organisation = caller.HasAny(ReaderRoles) ? caller.OrganisationCode : null;
        var complainant = organisation is null && caller.Has(Roles.Complainant) && caller.IsAuthenticated ? caller.SubjectId : null;
        var loaded = await reads.ListAsync(organisation, complainant, canonical, filter.Stage, filter.IncludeClosed || canonical is not null, ct);
        IEnumerable<ComplaintCase> selected = loaded;
        if (filter.AssignedToMe)
        {
            selected = selected.Where(c => IsAssignedTo(c, caller.SubjectId));
        }
        if (!string.IsNullOrWhiteSpace(filter.AssignedTo))
        {
            selected = selected.Where(c => IsAssignedTo(c, filter.AssignedTo.Trim()));
        }
        if (filter.Paused)
        {
            selected = selected.Where(c => c.IsPaused);
        }
        var views = selected.Select(View);
        if (filter.Breached)
        {
            views = views.Where(v => v.Missed.Count > 0);
        }
        if (filter.DueWithinWorkingDays is { } within)
        {
            views = views.Where(v => v.NextDeadline is { } next && next.WorkingDaysLeft <= within);
        }
        return [.. Sorted(views, filter.Sort).Take(PageSize)];
    }

    /// <summary>Reads a <c>sort</c> parameter: deadline (when not given), received, reference or stage.</summary>
    public static CaseSort ParseSort(string? sort) => sort?.Trim().ToUpperInvariant() switch
    {
        null or "" or "DEADLINE" => CaseSort.Deadline,
        "RECEIVED" => CaseSort.Received,
        "REFERENCE" => CaseSort.Reference,
        "STAGE" => CaseSort.Stage,
        _ => throw new RequestValidationException("sort", "Sort by deadline, received, reference or stage."),
    };

    private const int MaxSubjectIdLength = 200;

    private static bool IsAssignedTo(ComplaintCase c, string subjectId) =>
        c.Handler?.SubjectId == subjectId || c.Investigator?.SubjectId == subjectId;

    private static IEnumerable<CaseView> Sorted(IEnumerable<CaseView> views, CaseSort sort)
    {
        // Every order ends on the reference so a page is the same from one read to the next.
        static DateOnly Due(CaseView v) => v.NextDeadline?.DueOn ?? DateOnly.MaxValue;
        return sort switch
        {
            CaseSort.Received => views.OrderByDescending(v => v.ReceivedOn).ThenBy(v => v.Reference, StringComparer.Ordinal),
            CaseSort.Reference => views.OrderBy(v => v.Reference, StringComparer.Ordinal),
            CaseSort.Stage => views.OrderBy(v => v.Stage).ThenBy(Due).ThenBy(v => v.Reference, StringComparer.Ordinal),
            _ => views.OrderByDescending(v => v.Missed.Count > 0).ThenBy(Due).ThenBy(v => v.ReceivedOn).ThenBy(v => v.Reference, StringComparer.Ordinal),
        };
    }

    /// <summary>What a contributing organisation sees of the case it contributes to, or <c>null</c>.</summary>
    public async Task<ContributionTask?> GetContributionAsync(Caller caller, Guid caseId, CancellationToken ct)
    {
        var c = await reads.FindAsync(caseId, ct);
        var contribution = c?.Contributions.FirstOrDefault(x => x.OrganisationCode == caller.OrganisationCode);
        if (c is null || contribution is null || !caller.HasAny(DetailRoles))
        {
            return null;
        }
        await audit.RecordReadAsync(AuditResources.Case, c.Id.ToString(), c.OrganisationCode, ct);
        return new ContributionTask(c.Id, c.Reference, c.OrganisationCode, c.Stage, c.Plan?.Issues ?? [], CaseClock.ResponseDueBy(c, Today, calendar),
            contribution.Text, contribution.SignedOffOn);
    }

    /// <summary>Loads a case with all its records for a read, unchecked (the caller checks).</summary>
    public Task<ComplaintCase?> LoadAsync(Guid caseId, CancellationToken ct) => reads.FindAsync(caseId, ct);

    private List<DeadlineView> Deadlines(ComplaintCase c)
    {
        var today = Today;
        return [.. CaseClock.Deadlines(c, today, calendar).Select(d => new DeadlineView(d.Kind, d.DueOn, calendar.WorkingDaysBetween(today, d.DueOn), d.Met, d.Done))];
    }

    private CaseView View(ComplaintCase c)
    {
        var deadlines = Deadlines(c);
        var today = Today;
        return new CaseView(
            c.Id, c.ComplaintId, c.Reference, c.OrganisationCode, c.Stage, c.ReceivedOn, c.AcknowledgementDueBy,
            [.. new[] { (c.AwaitingTimeLimitDecision, "time-limit"), (c.AwaitingBestInterestsDecision, "best-interests"), (c.AwaitingRouting, "routing") }
                .Where(h => h.Item1).Select(h => h.Item2)],
            c.TransferredFromOrganisationCode, c.ClosedOn, c.Closure, c.Outcome, c.Handler?.Name,
            deadlines.Where(d => !d.Done).OrderBy(d => d.DueOn).FirstOrDefault(),
            [.. deadlines.Where(d => !d.Done && today > d.DueOn).Select(d => d.Kind)],
            c.IsPaused, c.Handler?.SubjectId, c.Investigator?.Name);
    }
}
