namespace IcsComplaints.Case.Contracts.Events;

/// <summary>
/// A case moved from one stage of the complaint handling procedure to another. Stages: Received, Acknowledged,
/// EarlyResolution, CloserLook, ResponseDrafted, FinalResponseSent, Closed, Reopened, ReferredToOmbudsman.
/// </summary>
public sealed record CaseStageChanged
{
    /// <summary>Identifier of the case.</summary>
    public required Guid CaseId { get; init; }

    /// <summary>The complaint.</summary>
    public required Guid ComplaintId { get; init; }

    /// <summary>ODS code of the organisation handling it.</summary>
    public required string OrganisationCode { get; init; }

    /// <summary>The stage it left.</summary>
    public required string From { get; init; }

    /// <summary>The stage it entered.</summary>
    public required string To { get; init; }

    /// <summary>The day (Europe/London).</summary>
    public required DateOnly On { get; init; }

    /// <summary>Working days since receipt.</summary>
    public int WorkingDaysSinceReceipt { get; init; }
}

/// <summary>The complaint was acknowledged (Reg 13(3)).</summary>
public sealed record CaseAcknowledged
{
    /// <summary>Identifier of the case.</summary>
    public required Guid CaseId { get; init; }

    /// <summary>The complaint.</summary>
    public required Guid ComplaintId { get; init; }

    /// <summary>ODS code.</summary>
    public required string OrganisationCode { get; init; }

    /// <summary>The day.</summary>
    public required DateOnly AcknowledgedOn { get; init; }

    /// <summary>The deadline.</summary>
    public required DateOnly DueBy { get; init; }

    /// <summary>By the third working day after receipt.</summary>
    public required bool InTime { get; init; }
}

/// <summary>A response date was agreed with the complainant, or changed.</summary>
public sealed record ResponseDateAgreed
{
    /// <summary>Identifier of the case.</summary>
    public required Guid CaseId { get; init; }

    /// <summary>ODS code.</summary>
    public required string OrganisationCode { get; init; }

    /// <summary>The day agreed.</summary>
    public required DateOnly AgreedOn { get; init; }

    /// <summary>The response date.</summary>
    public required DateOnly DueBy { get; init; }

    /// <summary>0 for the first agreement, then 1, 2, … for each renegotiation.</summary>
    public required int Renegotiation { get; init; }

    /// <summary>False when the complainant declined to discuss it and the organisation set it.</summary>
    public required bool WithComplainant { get; init; }
}

/// <summary>The response clock stopped (Reason: AwaitingConsent, AwaitingComplainant or ParallelProcess).</summary>
public sealed record CaseClockPaused
{
    /// <summary>Identifier of the case.</summary>
    public required Guid CaseId { get; init; }

    /// <summary>ODS code.</summary>
    public required string OrganisationCode { get; init; }

    /// <summary>Why.</summary>
    public required string Reason { get; init; }

    /// <summary>First day paused.</summary>
    public required DateOnly From { get; init; }
}

/// <summary>The response clock restarted.</summary>
public sealed record CaseClockResumed
{
    /// <summary>Identifier of the case.</summary>
    public required Guid CaseId { get; init; }

    /// <summary>ODS code.</summary>
    public required string OrganisationCode { get; init; }

    /// <summary>The day.</summary>
    public required DateOnly On { get; init; }

    /// <summary>Working days this pause lasted.</summary>
    public required int PausedWorkingDays { get; init; }

    /// <summary>Working days paused on this case in all.</summary>
    public required int TotalPausedWorkingDays { get; init; }
}

/// <summary>The complainant was contacted or made contact (no content: the channel, the day, whether it was an update).</summary>
public sealed record CaseContactLogged
{
    /// <summary>Identifier of the case.</summary>
    public required Guid CaseId { get; init; }

    /// <summary>ODS code.</summary>
    public required string OrganisationCode { get; init; }

    /// <summary>The day.</summary>
    public required DateOnly On { get; init; }

    /// <summary>Phone, Email, Letter, Meeting or Text.</summary>
    public required string Channel { get; init; }

    /// <summary>An update given before the outcome.</summary>
    public required bool IsUpdate { get; init; }
}

/// <summary>A deadline is near (Deadline: Acknowledgement, EarlyResolution, Response, Update or Backstop).</summary>
public sealed record CaseDeadlineApproaching
{
    /// <summary>Identifier of the case.</summary>
    public required Guid CaseId { get; init; }

    /// <summary>The complaint.</summary>
    public required Guid ComplaintId { get; init; }

    /// <summary>ODS code.</summary>
    public required string OrganisationCode { get; init; }

    /// <summary>Which deadline.</summary>
    public required string Deadline { get; init; }

    /// <summary>Its last day.</summary>
    public required DateOnly DueOn { get; init; }

    /// <summary>Working days left.</summary>
    public required int WorkingDaysLeft { get; init; }
}

/// <summary>A deadline was missed; for the Backstop, the complainant is owed a letter explaining the delay (Reg 14).</summary>
public sealed record CaseDeadlineMissed
{
    /// <summary>Identifier of the case.</summary>
    public required Guid CaseId { get; init; }

    /// <summary>The complaint.</summary>
    public required Guid ComplaintId { get; init; }

    /// <summary>ODS code.</summary>
    public required string OrganisationCode { get; init; }

    /// <summary>Which deadline.</summary>
    public required string Deadline { get; init; }

    /// <summary>Its last day.</summary>
    public required DateOnly DueOn { get; init; }

    /// <summary>The day it was found missed.</summary>
    public required DateOnly DetectedOn { get; init; }
}

/// <summary>The letter explaining why no response had gone by the Reg 14 backstop was sent.</summary>
public sealed record DelayLetterSent
{
    /// <summary>Identifier of the case.</summary>
    public required Guid CaseId { get; init; }

    /// <summary>ODS code.</summary>
    public required string OrganisationCode { get; init; }

    /// <summary>The day.</summary>
    public required DateOnly SentOn { get; init; }
}

/// <summary>The signed final response was sent (Reg 14). Counts and flags only; the letter stays in the case service.</summary>
public sealed record FinalResponseSent
{
    /// <summary>Identifier of the case.</summary>
    public required Guid CaseId { get; init; }

    /// <summary>The complaint.</summary>
    public required Guid ComplaintId { get; init; }

    /// <summary>ODS code.</summary>
    public required string OrganisationCode { get; init; }

    /// <summary>Date received.</summary>
    public required DateOnly ReceivedOn { get; init; }

    /// <summary>The day sent.</summary>
    public required DateOnly SentOn { get; init; }

    /// <summary>Upheld, PartiallyUpheld or NotUpheld (KO41a).</summary>
    public required string Outcome { get; init; }

    /// <summary>Resolved at early resolution, without a closer look.</summary>
    public required bool ResolvedEarly { get; init; }

    /// <summary>Working days from receipt, less working days paused.</summary>
    public required int WorkingDaysTaken { get; init; }

    /// <summary>Sent by the response date in force, when one was agreed.</summary>
    public bool? ByAgreedDate { get; init; }

    /// <summary>How many times the response date was renegotiated.</summary>
    public required int Renegotiations { get; init; }

    /// <summary>Sent within the Reg 14 backstop.</summary>
    public required bool WithinBackstop { get; init; }

    /// <summary>Updates given before the outcome.</summary>
    public required int UpdatesBeforeOutcome { get; init; }

    /// <summary>Points answered.</summary>
    public required int Findings { get; init; }

    /// <summary>Points upheld.</summary>
    public required int FindingsUpheld { get; init; }

    /// <summary>An apology was given.</summary>
    public required bool Apology { get; init; }

    /// <summary>Changes committed to.</summary>
    public required int Changes { get; init; }

    /// <summary>A remedy was offered.</summary>
    public required bool Remedy { get; init; }

    /// <summary>Other organisations that contributed (Reg 9).</summary>
    public IReadOnlyList<string> Contributors { get; init; } = [];
}

/// <summary>A resolved case was reopened.</summary>
public sealed record CaseReopened
{
    /// <summary>Identifier of the case.</summary>
    public required Guid CaseId { get; init; }

    /// <summary>ODS code.</summary>
    public required string OrganisationCode { get; init; }

    /// <summary>The day.</summary>
    public required DateOnly On { get; init; }

    /// <summary>How many times, this included.</summary>
    public required int Count { get; init; }
}

/// <summary>The organisation learnt that the complainant went to the Health Service Ombudsman.</summary>
public sealed record CaseReferredToOmbudsman
{
    /// <summary>Identifier of the case.</summary>
    public required Guid CaseId { get; init; }

    /// <summary>The complaint.</summary>
    public required Guid ComplaintId { get; init; }

    /// <summary>ODS code.</summary>
    public required string OrganisationCode { get; init; }

    /// <summary>When learnt.</summary>
    public required DateOnly LearnedOn { get; init; }
}

/// <summary>The case was coded for KO41 (codes only).</summary>
public sealed record CaseCoded
{
    /// <summary>Identifier of the case.</summary>
    public required Guid CaseId { get; init; }

    /// <summary>The complaint.</summary>
    public required Guid ComplaintId { get; init; }

    /// <summary>ODS code of the organisation handling it (KO41: the organisation that deals with a transferred complaint records it).</summary>
    public required string OrganisationCode { get; init; }

    /// <summary>Date received.</summary>
    public required DateOnly ReceivedOn { get; init; }

    /// <summary>Subject areas.</summary>
    public required IReadOnlyList<string> Subjects { get; init; }

    /// <summary>Service area.</summary>
    public required string ServiceArea { get; init; }

    /// <summary>Professions.</summary>
    public required IReadOnlyList<string> Professions { get; init; }

    /// <summary>Clinical treatment sub-categories.</summary>
    public required IReadOnlyList<string> ClinicalSubCategories { get; init; }

    /// <summary>Site ODS code.</summary>
    public string? SiteOdsCode { get; init; }

    /// <summary>Age band of the patient.</summary>
    public required string AgeBand { get; init; }

    /// <summary>Status of the complainant.</summary>
    public required string ComplainantStatus { get; init; }
}

/// <summary>
/// An experience survey was answered. Anonymous: no case, complaint or person, only the organisation, the month,
/// whose experience it is (Complainant or Staff) and the answers by question.
/// </summary>
public sealed record ExperienceSurveyAnswered
{
    /// <summary>Identifier of the answer (not of the case).</summary>
    public required Guid SurveyId { get; init; }

    /// <summary>ODS code.</summary>
    public required string OrganisationCode { get; init; }

    /// <summary>The month answered, <c>yyyy-MM</c>.</summary>
    public required string Month { get; init; }

    /// <summary>Complainant or Staff.</summary>
    public required string Kind { get; init; }

    /// <summary>Answers by question key: Yes, Partly, No or NotSure.</summary>
    public required IReadOnlyDictionary<string, string> Answers { get; init; }
}

/// <summary>
/// A version of the draft final response was shared for review before it is final: with the advocacy services the
/// complainant consented to, and with the other organisations of a complaint about several (Reg 9). Ids and codes
/// only: reviewers read the draft from the case service, which checks their right at each view.
/// </summary>
public sealed record DraftShared
{
    /// <summary>Identifier of the case.</summary>
    public required Guid CaseId { get; init; }

    /// <summary>The complaint.</summary>
    public required Guid ComplaintId { get; init; }

    /// <summary>ODS code of the organisation handling it.</summary>
    public required string OrganisationCode { get; init; }

    /// <summary>The draft version shared.</summary>
    public required int Version { get; init; }

    /// <summary>Codes of the advocacy services asked to review it.</summary>
    public IReadOnlyList<string> AdvocacyServiceCodes { get; init; } = [];

    /// <summary>ODS codes of the contributing organisations asked to review it.</summary>
    public IReadOnlyList<string> ContributorCodes { get; init; } = [];

    /// <summary>The day.</summary>
    public required DateOnly SharedOn { get; init; }

    /// <summary>The last day of the review window.</summary>
    public required DateOnly WindowEndsOn { get; init; }
}

/// <summary>A review of a draft closed on the case: Completed, Waived, Expired (the window passed), ConsentRevoked or Superseded by a newer draft.</summary>
public sealed record DraftReviewClosed
{
    /// <summary>Identifier of the case.</summary>
    public required Guid CaseId { get; init; }

    /// <summary>ODS code of the organisation handling it.</summary>
    public required string OrganisationCode { get; init; }

    /// <summary>The draft version.</summary>
    public required int Version { get; init; }

    /// <summary>The reviewer: an advocacy service code or a contributing organisation's ODS code.</summary>
    public required string ReviewerCode { get; init; }

    /// <summary>How it closed.</summary>
    public required string Outcome { get; init; }

    /// <summary>Comments made, when known.</summary>
    public int Comments { get; init; }

    /// <summary>The day.</summary>
    public required DateOnly ClosedOn { get; init; }
}

/// <summary>
/// What is recorded about a member of staff complained about changed (Complaint Standards: told early, offered
/// support, shown the final response). Flags only: no name or role.
/// </summary>
public sealed record StaffInvolvedRecorded
{
    /// <summary>Identifier of the case.</summary>
    public required Guid CaseId { get; init; }

    /// <summary>ODS code.</summary>
    public required string OrganisationCode { get; init; }

    /// <summary>The staff record within the case.</summary>
    public required long StaffId { get; init; }

    /// <summary>The day they were told, if recorded.</summary>
    public DateOnly? ToldOn { get; init; }

    /// <summary>Support was offered.</summary>
    public required bool SupportOffered { get; init; }

    /// <summary>They were shown the final response.</summary>
    public required bool SawFinalResponse { get; init; }

    /// <summary>The day recorded.</summary>
    public required DateOnly RecordedOn { get; init; }
}
