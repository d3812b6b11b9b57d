using IcsComplaints.Case.Domain.Cases;

namespace IcsComplaints.Case.Api.Features.ViewCases;

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
/// <param name="HandlerSubjectId">The handler's user id, when they were chosen from the organisation's users.</param>
/// <param name="Investigator">The investigator's name, once a closer look names one.</param>
public sealed record CaseView(
    Guid CaseId, Guid ComplaintId, string Reference, string OrganisationCode, CaseStage Stage, DateOnly ReceivedOn, DateOnly AcknowledgementDueBy,
    IReadOnlyList<string> OnHold, string? TransferredFromOrganisationCode, DateOnly? ClosedOn, CaseClosure? Closure, CaseOutcome? Outcome,
    string? Handler, DeadlineView? NextDeadline, IReadOnlyList<DeadlineKind> Missed, bool Paused, string? HandlerSubjectId, string? Investigator);

/// <summary>The draft final response as the handler sees it: its sections, its version, and the last version shared with reviewers.</summary>
/// <param name="ComplaintSummary">The complaint as understood.</param>
/// <param name="OutcomesSought">What the complainant wanted to achieve.</param>
/// <param name="Investigation">How it was looked into.</param>
/// <param name="Findings">A finding on each point.</param>
/// <param name="Apology">The apology.</param>
/// <param name="Changes">What will change and by when.</param>
/// <param name="Remedy">How things will be put right.</param>
/// <param name="Version">This version's number: each save makes a new one.</param>
/// <param name="SharedVersion">The last version shared with reviewers; <c>null</c> when none has been, less than <paramref name="Version"/> when this one is saved but not shared yet.</param>
public sealed record DraftView(
    string? ComplaintSummary, string? OutcomesSought, string? Investigation, IReadOnlyList<ResponseFinding> Findings, string? Apology,
    IReadOnlyList<ResponseChange> Changes, string? Remedy, int Version, int? SharedVersion)
{
    /// <summary>The view of a case's current draft, or <c>null</c> when there is none.</summary>
    public static DraftView? Of(ComplaintCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return c.Draft is not { } d ? null
            : new DraftView(d.ComplaintSummary, d.OutcomesSought, d.Investigation, d.Findings, d.Apology, d.Changes, d.Remedy, c.DraftVersion, c.SharedVersion);
    }
}

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
/// <param name="Draft">The draft final response, with its version and the last version shared.</param>
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
/// <param name="EarlyResolution">How it was resolved early, when it was.</param>
public sealed record CaseDetail(
    CaseView Summary, DateOnly? AcknowledgedOn, bool DiscussionOffered, DateOnly? DiscussedOn, DateOnly? EarlyResolutionDueBy,
    DateOnly? CloserLookStartedOn, string? EscalationReason, InvestigationPlan? Plan, StaffRef? Investigator, ConflictCheck? ConflictCheck,
    StaffRef? ResponsiblePerson, StaffRef? SigningDelegate, DateOnly? ResponseDueBy, DateOnly Backstop, int PausedWorkingDays,
    IReadOnlyList<DeadlineView> Deadlines, IReadOnlyList<ResponseDateAgreement> Agreements, IReadOnlyList<ClockPause> Pauses,
    int? UpdateEveryWorkingDays, DateOnly? NextUpdateDue, IReadOnlyList<ContactLogEntry> Contacts, IReadOnlyList<StaffInvolved> Staff,
    DraftView? Draft, IReadOnlyList<string> MissingFromResponse, ResponseSignature? Signature, DateOnly? FinalResponseSentOn,
    DateOnly? DelayLetterSentOn, CaseCoding? Coding, IReadOnlyList<Contribution> Contributions, int ReopenCount,
    DateOnly? OmbudsmanReferralLearnedOn, IReadOnlyList<SurveyKind> Surveys, IReadOnlyList<DraftReview> Reviews, EarlyResolutionRecord? EarlyResolution);

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
/// <param name="Paused">Only cases whose clock is paused.</param>
/// <param name="AssignedTo">Only cases this user (subject id) handles or investigates.</param>
/// <param name="Sort">The order of the list.</param>
public sealed record CaseFilter(
    string? Reference, CaseStage? Stage, int? DueWithinWorkingDays, bool Breached, bool AssignedToMe, bool IncludeClosed,
    bool Paused = false, string? AssignedTo = null, CaseSort Sort = CaseSort.Deadline);

/// <summary>Orders of a work queue.</summary>
public enum CaseSort
{
    /// <summary>Missed deadlines first, then the nearest next deadline; cases with none last.</summary>
    Deadline = 1,

    /// <summary>Newest received first.</summary>
    Received = 2,

    /// <summary>By reference.</summary>
    Reference = 3,

    /// <summary>By stage, in the order of the procedure, then by next deadline.</summary>
    Stage = 4,
}
