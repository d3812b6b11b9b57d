using IcsComplaints.Calendar;
using IcsComplaints.Case.Api.Data;
using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Case.Domain.Rules;
using IcsComplaints.Intake.Contracts;
using IcsComplaints.Platform.Audit;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.Case.Api.Cases;

/// <summary>A case in a work queue: where it is and what is due, no personal data.</summary>
/// <param name="CaseId">Identifier.</param>
/// <param name="ComplaintId">The complaint it handles.</param>
/// <param name="Reference">The complaint's reference.</param>
/// <param name="OrganisationCode">ODS code of the organisation handling it.</param>
/// <param name="Stage">Current stage.</param>
/// <param name="ReceivedOn">Date received.</param>
/// <param name="AcknowledgementDueBy">Acknowledgement deadline (Reg 13(3)).</param>
/// <param name="OnHold">Decisions intake still needs before the case can move on: time-limit, best-interests, routing.</param>
/// <param name="TransferredFromOrganisationCode">Where it came from, when transferred.</param>
/// <param name="ClosedOn">When it closed.</param>
/// <param name="Closure">Why it closed.</param>
/// <param name="Outcome">For a resolved complaint: Upheld, PartiallyUpheld or NotUpheld.</param>
/// <param name="Handler">Who handles it.</param>
/// <param name="NextDeadline">The earliest deadline still to meet.</param>
/// <param name="Missed">Deadlines already missed.</param>
/// <param name="Paused">The clock is paused.</param>
public sealed record CaseView(
    Guid CaseId, Guid ComplaintId, string Reference, string OrganisationCode, CaseStage Stage, DateOnly ReceivedOn, DateOnly AcknowledgementDueBy,
    IReadOnlyList<string> OnHold, string? TransferredFromOrganisationCode, DateOnly? ClosedOn, CaseClosure? Closure, CaseOutcome? Outcome,
    string? Handler, DeadlineView? NextDeadline, IReadOnlyList<DeadlineKind> Missed, bool Paused);

/// <summary>A deadline as shown.</summary>
/// <param name="Kind">Which.</param>
/// <param name="DueOn">Its last day.</param>
/// <param name="WorkingDaysLeft">Working days from today to it (negative when missed).</param>
/// <param name="Met">Done in time.</param>
/// <param name="Done">Done, or no longer applies.</param>
public sealed record DeadlineView(DeadlineKind Kind, DateOnly DueOn, int WorkingDaysLeft, bool Met, bool Done);

/// <summary>Everything about a case, for the staff handling it. Holds personal data (staff complained about, contact notes); reads are audited.</summary>
/// <param name="Summary">The queue view.</param>
/// <param name="AcknowledgedOn">When acknowledged.</param>
/// <param name="DiscussionOffered">The acknowledgement offered to discuss handling and the response period.</param>
/// <param name="DiscussedOn">When discussed.</param>
/// <param name="EarlyResolutionDueBy">Early-resolution target.</param>
/// <param name="CloserLookStartedOn">When a closer look began.</param>
/// <param name="EscalationReason">Why.</param>
/// <param name="Plan">The investigation plan.</param>
/// <param name="Investigator">The investigator.</param>
/// <param name="ConflictCheck">Their conflict check.</param>
/// <param name="ResponsiblePerson">Who is responsible for the final response.</param>
/// <param name="SigningDelegate">Who may sign for them.</param>
/// <param name="ResponseDueBy">The response date in force (agreed, moved on by pauses).</param>
/// <param name="Backstop">The Reg 14 backstop.</param>
/// <param name="PausedWorkingDays">Working days paused in all.</param>
/// <param name="Deadlines">Every deadline.</param>
/// <param name="Agreements">Response dates agreed, oldest first.</param>
/// <param name="Pauses">Pauses.</param>
/// <param name="UpdateEveryWorkingDays">Agreed update frequency.</param>
/// <param name="NextUpdateDue">When the next update is due.</param>
/// <param name="Contacts">Contact log.</param>
/// <param name="Staff">Staff complained about.</param>
/// <param name="Draft">The draft final response.</param>
/// <param name="MissingFromResponse">What the draft still lacks before it can be signed and sent.</param>
/// <param name="Signature">The signature, when signed.</param>
/// <param name="FinalResponseSentOn">When the final response went.</param>
/// <param name="DelayLetterSentOn">When the Reg 14 delay letter went.</param>
/// <param name="Coding">KO41 coding.</param>
/// <param name="Contributions">Other organisations' sections (Reg 9).</param>
/// <param name="ReopenCount">Times reopened.</param>
/// <param name="OmbudsmanReferralLearnedOn">When the organisation learnt of an Ombudsman referral.</param>
/// <param name="Surveys">Surveys answered.</param>
/// <param name="Reviews">Reviews of shared drafts (advocates' comments are read at the advocacy-referral service).</param>
public sealed record CaseDetail(
    CaseView Summary, DateOnly? AcknowledgedOn, bool DiscussionOffered, DateOnly? DiscussedOn, DateOnly? EarlyResolutionDueBy,
    DateOnly? CloserLookStartedOn, string? EscalationReason, InvestigationPlan? Plan, StaffRef? Investigator, ConflictCheck? ConflictCheck,
    StaffRef? ResponsiblePerson, StaffRef? SigningDelegate, DateOnly? ResponseDueBy, DateOnly Backstop, int PausedWorkingDays,
    IReadOnlyList<DeadlineView> Deadlines, IReadOnlyList<ResponseDateAgreement> Agreements, IReadOnlyList<ClockPause> Pauses,
    int? UpdateEveryWorkingDays, DateOnly? NextUpdateDue, IReadOnlyList<ContactLogEntry> Contacts, IReadOnlyList<StaffInvolved> Staff,
    ResponseDraft? Draft, IReadOnlyList<string> MissingFromResponse, ResponseSignature? Signature, DateOnly? FinalResponseSentOn,
    DateOnly? DelayLetterSentOn, CaseCoding? Coding, IReadOnlyList<Contribution> Contributions, int ReopenCount,
    DateOnly? OmbudsmanReferralLearnedOn, IReadOnlyList<SurveyKind> Surveys, IReadOnlyList<DraftReview> Reviews);

/// <summary>What a contributing organisation sees of a co-ordinated response it contributes to (Reg 9).</summary>
/// <param name="CaseId">The lead organisation's case.</param>
/// <param name="Reference">The complaint's reference.</param>
/// <param name="LeadOrganisationCode">The lead organisation.</param>
/// <param name="Stage">The lead case's stage.</param>
/// <param name="Issues">The issues of the investigation plan.</param>
/// <param name="ResponseDueBy">The response date in force.</param>
/// <param name="Text">This organisation's section.</param>
/// <param name="SignedOffOn">When it was signed off.</param>
public sealed record ContributionTask(
    Guid CaseId, string Reference, string LeadOrganisationCode, CaseStage Stage, IReadOnlyList<string> Issues, DateOnly? ResponseDueBy, string? Text,
    DateOnly? SignedOffOn);

/// <summary>Filters of a work queue.</summary>
/// <param name="Reference">Only the case with this reference.</param>
/// <param name="Stage">Only cases at this stage.</param>
/// <param name="DueWithinWorkingDays">Only cases with a deadline within this many working days.</param>
/// <param name="Breached">Only cases with a missed deadline.</param>
/// <param name="AssignedToMe">Only cases the caller handles or investigates.</param>
/// <param name="IncludeClosed">Include closed cases.</param>
public sealed record CaseFilter(string? Reference, CaseStage? Stage, int? DueWithinWorkingDays, bool Breached, bool AssignedToMe, bool IncludeClosed);

/// <summary>
/// Reads cases for the REST and gRPC APIs alike, only those the caller may see: staff see their own
/// organisation's cases, a complainant their own; anyone else sees nothing, and a case they may not see is
/// reported as not found, never as forbidden.
/// </summary>
public sealed class CaseQueries(CaseDbContext db, IAuditTrail audit, TimeProvider time, WorkingDayCalendar calendar)
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
        var found = await WithRecords().FirstOrDefaultAsync(c => c.Id == caseId, ct);
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
        var c = await WithRecords().FirstOrDefaultAsync(x => x.Id == caseId, ct);
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
            c.Draft, c.Draft is null ? [] : [.. FinalResponseCompleteness.Check(c).Select(e => $"{e.Field}: {e.Message}")], c.Signature, c.FinalResponseSentOn,
            c.DelayLetterSentOn, c.Coding, [.. c.Contributions.OrderBy(x => x.OrganisationCode, StringComparer.Ordinal)], c.ReopenCount,
            c.OmbudsmanReferralLearnedOn, [.. c.Surveys.Select(s => s.Kind)], [.. c.Reviews.OrderBy(r => r.Version).ThenBy(r => r.ReviewerCode, StringComparer.Ordinal)]);
    }

    /// <summary>The work queue: cases the caller may see, filtered, most urgent first.</summary>
    public async Task<IReadOnlyList<CaseView>> ListAsync(Caller caller, CaseFilter filter, CancellationToken ct)
    {
        var cases = Visible(caller);
        if (!string.IsNullOrWhiteSpace(filter.Reference))
        {
            var canonical = ComplaintReference.Normalise(filter.Reference)
                ?? throw new RequestValidationException("reference", "Give a complaint reference such as K3QX-9HF7 (eight letters and digits).");
            cases = cases.Where(c => c.Reference == canonical);
        }
        if (filter.Stage is { } stage)
        {
            cases = cases.Where(c => c.Stage == stage);
        }
        else if (!filter.IncludeClosed && string.IsNullOrWhiteSpace(filter.Reference))
        {
            cases = cases.Where(c => c.Stage != CaseStage.Closed);
        }
        if (filter.DueWithinWorkingDays is < 0 or > 260)
        {
            throw new RequestValidationException("dueWithin", "Give 0 to 260 working days.");
        }
        var loaded = await cases.Include(c => c.Agreements).Include(c => c.Pauses).Include(c => c.Contacts).AsSplitQuery().AsNoTracking()
            .OrderByDescending(c => c.ReceivedOn).Take(2_000).ToListAsync(ct);
        IEnumerable<ComplaintCase> selected = loaded;
        if (filter.AssignedToMe)
        {
            selected = selected.Where(c => c.Handler?.SubjectId == caller.SubjectId || c.Investigator?.SubjectId == caller.SubjectId);
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
        return [.. views.OrderBy(v => v.NextDeadline?.DueOn ?? DateOnly.MaxValue).ThenBy(v => v.ReceivedOn).Take(PageSize)];
    }

    /// <summary>What a contributing organisation sees of the case it contributes to, or <c>null</c>.</summary>
    public async Task<ContributionTask?> GetContributionAsync(Caller caller, Guid caseId, CancellationToken ct)
    {
        var c = await WithRecords().FirstOrDefaultAsync(x => x.Id == caseId, ct);
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
    public Task<ComplaintCase?> LoadAsync(Guid caseId, CancellationToken ct) => WithRecords().FirstOrDefaultAsync(c => c.Id == caseId, ct);

    private IQueryable<ComplaintCase> WithRecords() => db.Cases.AsNoTracking()
        .Include(x => x.Agreements).Include(x => x.Pauses).Include(x => x.Contacts).Include(x => x.Staff).Include(x => x.Contributions).Include(x => x.Surveys)
        .Include(x => x.Reviews)
        .AsSplitQuery();

    private IQueryable<ComplaintCase> Visible(Caller caller)
    {
        if (caller.HasAny(ReaderRoles) && caller.OrganisationCode is { } organisation)
        {
            return db.Cases.Where(c => c.OrganisationCode == organisation);
        }
        if (caller.Has(Roles.Complainant) && caller.IsAuthenticated)
        {
            return db.Cases.Where(c => c.ComplainantSubjectId == caller.SubjectId);
        }
        // Advocates see cases only under a consent grant (advocacy referrals); until then, nothing.
        return db.Cases.Where(_ => false);
    }

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
            c.IsPaused);
    }
}
