namespace IcsComplaints.Reporting.Api.Data;

/// <summary>
/// One complaint as handled by one organisation (a case): the unit KO41 counts, built only from events. A row may
/// exist before its <c>CaseOpened</c> arrives (events reach separate queues in any order); it counts once opened.
/// </summary>
public sealed class CaseFact
{
    /// <summary>The case.</summary>
    public Guid CaseId { get; init; }

    /// <summary>The complaint.</summary>
    public Guid? ComplaintId { get; set; }

    /// <summary>ODS code of the organisation handling it (KO41: a transferred complaint is recorded by the one that deals with it).</summary>
    public required string OrganisationCode { get; set; }

    /// <summary>Date received; null until <c>CaseOpened</c> arrives.</summary>
    public DateOnly? ReceivedOn { get; set; }

    /// <summary>Acknowledgement due (Reg 13(3): three working days).</summary>
    public DateOnly? AcknowledgementDueBy { get; set; }

    /// <summary>Acknowledged.</summary>
    public DateOnly? AcknowledgedOn { get; set; }

    /// <summary>Acknowledged by the third working day.</summary>
    public bool? AcknowledgedInTime { get; set; }

    /// <summary>Early resolution began.</summary>
    public DateOnly? EarlyResolutionOn { get; set; }

    /// <summary>A closer look began.</summary>
    public DateOnly? CloserLookOn { get; set; }

    /// <summary>Final response sent.</summary>
    public DateOnly? ResponseSentOn { get; set; }

    /// <summary>Resolved at early resolution.</summary>
    public bool? ResolvedEarly { get; set; }

    /// <summary>Working days from receipt to the response.</summary>
    public int? WorkingDaysTaken { get; set; }

    /// <summary>Sent by the date agreed (null: none was agreed).</summary>
    public bool? ByAgreedDate { get; set; }

    /// <summary>Times the response date was renegotiated.</summary>
    public int Renegotiations { get; set; }

    /// <summary>Sent within the six-month backstop (Reg 14).</summary>
    public bool? WithinBackstop { get; set; }

    /// <summary>The deadline scan found the backstop missed.</summary>
    public bool BackstopMissed { get; set; }

    /// <summary>Upheld, PartiallyUpheld or NotUpheld (KO41a), from the response.</summary>
    public string? Outcome { get; set; }

    /// <summary>Closed.</summary>
    public DateOnly? ClosedOn { get; set; }

    /// <summary>How it closed: Resolved, Transferred, Excluded, Withdrawn, Declined, Linked…</summary>
    public string? Closure { get; set; }

    /// <summary>Times reopened.</summary>
    public int Reopened { get; set; }

    /// <summary>The complainant went to the Ombudsman.</summary>
    public DateOnly? OmbudsmanOn { get; set; }

    /// <summary>An advocacy service accepted a referral.</summary>
    public bool Advocacy { get; set; }

    /// <summary>Reviews of drafts completed, waived or expired.</summary>
    public int DraftReviews { get; set; }

    /// <summary>KO41 subject areas.</summary>
    public List<string> Subjects { get; set; } = [];

    /// <summary>KO41 service area.</summary>
    public string? ServiceArea { get; set; }

    /// <summary>KO41 professions.</summary>
    public List<string> Professions { get; set; } = [];

    /// <summary>KO41 clinical treatment sub-categories.</summary>
    public List<string> ClinicalSubCategories { get; set; } = [];

    /// <summary>Site ODS code.</summary>
    public string? SiteOdsCode { get; set; }

    /// <summary>KO41 age band of the patient.</summary>
    public string? AgeBand { get; set; }

    /// <summary>KO41 status of the complainant.</summary>
    public string? ComplainantStatus { get; set; }

    /// <summary>How the complaint arrived (from intake's <c>ComplaintSubmitted</c>), kept here so counts need no join.</summary>
    public string? Channel { get; set; }

    /// <summary>Received in the month (first day), for fast grouping.</summary>
    public DateOnly? ReceivedMonth { get; set; }
}

/// <summary>A complaint as intake recorded it: how it arrived.</summary>
public sealed class ComplaintFact
{
    /// <summary>The complaint.</summary>
    public Guid ComplaintId { get; init; }

    /// <summary>Online, Phone, Letter, Email, InPerson, Pals.</summary>
    public required string Channel { get; init; }

    /// <summary>Imported from an earlier system.</summary>
    public bool Imported { get; init; }
}

/// <summary>A deadline the case service's scan found missed.</summary>
public sealed class MissedDeadline
{
    /// <summary>Row.</summary>
    public long Id { get; init; }

    /// <summary>The case.</summary>
    public Guid CaseId { get; init; }

    /// <summary>ODS code.</summary>
    public required string OrganisationCode { get; init; }

    /// <summary>Acknowledgement, EarlyResolution, Response, Update, Backstop.</summary>
    public required string Deadline { get; init; }

    /// <summary>Was due.</summary>
    public DateOnly DueOn { get; init; }

    /// <summary>Found.</summary>
    public DateOnly DetectedOn { get; init; }
}

/// <summary>What is recorded about a member of staff complained about (latest).</summary>
public sealed class StaffFact
{
    /// <summary>The case.</summary>
    public Guid CaseId { get; init; }

    /// <summary>The staff record in the case.</summary>
    public long StaffId { get; init; }

    /// <summary>ODS code.</summary>
    public required string OrganisationCode { get; init; }

    /// <summary>Told.</summary>
    public bool Told { get; set; }

    /// <summary>Support offered.</summary>
    public bool SupportOffered { get; set; }

    /// <summary>Shown the final response.</summary>
    public bool SawFinalResponse { get; set; }
}

/// <summary>One answer of an experience survey.</summary>
public sealed class SurveyAnswer
{
    /// <summary>Row.</summary>
    public long Id { get; init; }

    /// <summary>The survey answer set.</summary>
    public Guid SurveyId { get; init; }

    /// <summary>ODS code.</summary>
    public required string OrganisationCode { get; init; }

    /// <summary>First day of the month answered.</summary>
    public DateOnly Month { get; init; }

    /// <summary>Complainant or Staff.</summary>
    public required string Kind { get; init; }

    /// <summary>Question key.</summary>
    public required string Question { get; init; }

    /// <summary>Yes, Partly, No, NotSure.</summary>
    public required string Answer { get; init; }
}

/// <summary>A theme the learning service detected.</summary>
public sealed class ThemeFact
{
    /// <summary>The theme.</summary>
    public Guid ThemeId { get; init; }

    /// <summary>ICB.</summary>
    public required string IcbCode { get; init; }

    /// <summary>Provider, or empty for a system theme.</summary>
    public required string OrganisationCode { get; set; }

    /// <summary>HcatCategory or SubjectArea.</summary>
    public required string Dimension { get; set; }

    /// <summary>Category or subject area.</summary>
    public required string Code { get; set; }

    /// <summary>First day of the month examined; <c>null</c> until the detection arrives (a theme may be shared first).</summary>
    public DateOnly? Month { get; set; }

    /// <summary>Shared with providers.</summary>
    public bool Shared { get; set; }
}

/// <summary>A learning action.</summary>
public sealed class ActionFact
{
    /// <summary>The action.</summary>
    public Guid ActionId { get; init; }

    /// <summary>ODS code.</summary>
    public required string OrganisationCode { get; init; }

    /// <summary>Raised.</summary>
    public DateOnly? RaisedOn { get; set; }

    /// <summary>Completed.</summary>
    public DateOnly? CompletedOn { get; set; }

    /// <summary>Published as "you said, we did".</summary>
    public bool Published { get; set; }
}

/// <summary>An everyday concern or oral complaint resolved by the next working day (outside the procedure).</summary>
public sealed class ConcernFact
{
    /// <summary>Row.</summary>
    public long Id { get; init; }

    /// <summary>ODS code.</summary>
    public required string OrganisationCode { get; init; }

    /// <summary>Received.</summary>
    public DateOnly ReceivedOn { get; init; }

    /// <summary>Channel.</summary>
    public required string Channel { get; init; }
}

/// <summary>An event as it arrived: the log the read models are rebuilt from. Append-only.</summary>
public sealed class LoggedEvent
{
    /// <summary>Position in the log.</summary>
    public long Id { get; init; }

    /// <summary>The broker message id.</summary>
    public Guid MessageId { get; init; }

    /// <summary>The contract's full type name.</summary>
    public required string Type { get; init; }

    /// <summary>The event, as JSON.</summary>
    public required string Body { get; init; }

    /// <summary>When it was consumed.</summary>
    public DateTimeOffset ConsumedAt { get; init; }
}
