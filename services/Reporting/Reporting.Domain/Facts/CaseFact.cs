namespace IcsComplaints.Reporting.Domain.Facts;

/// <summary>
/// One complaint as handled by one organisation (a case): the unit KO41 counts, built only from events. A fact may
/// exist before its <c>CaseOpened</c> arrives (events reach separate queues in any order); it counts once opened.
/// Each method takes in one event so that any order, and any repeat, gives the same fact: a field is set by one
/// kind of event only, or kept as the earliest date, the latest closure or the largest count the events report.
/// </summary>
public sealed class CaseFact
{
    /// <summary>A case known so far only by its id and the organisation its first event named (empty when none).</summary>
    public CaseFact(Guid caseId, string organisationCode)
    {
        CaseId = caseId;
        OrganisationCode = organisationCode;
    }

    /// <summary>The case.</summary>
    public Guid CaseId { get; private set; }

    /// <summary>The complaint.</summary>
    public Guid? ComplaintId { get; private set; }

    /// <summary>ODS code of the organisation handling it (KO41: a transferred complaint is recorded by the one that deals with it).</summary>
    public string OrganisationCode { get; private set; }

    /// <summary>Date received; null until <c>CaseOpened</c> arrives.</summary>
    public DateOnly? ReceivedOn { get; private set; }

    /// <summary>Acknowledgement due (Reg 13(3): three working days).</summary>
    public DateOnly? AcknowledgementDueBy { get; private set; }

    /// <summary>Acknowledged.</summary>
    public DateOnly? AcknowledgedOn { get; private set; }

    /// <summary>Acknowledged by the third working day.</summary>
    public bool? AcknowledgedInTime { get; private set; }

    /// <summary>Early resolution began.</summary>
    public DateOnly? EarlyResolutionOn { get; private set; }

    /// <summary>A closer look began.</summary>
    public DateOnly? CloserLookOn { get; private set; }

    /// <summary>Final response sent.</summary>
    public DateOnly? ResponseSentOn { get; private set; }

    /// <summary>Resolved at early resolution.</summary>
    public bool? ResolvedEarly { get; private set; }

    /// <summary>Working days from receipt to the response.</summary>
    public int? WorkingDaysTaken { get; private set; }

    /// <summary>Sent by the date agreed (null: none was agreed).</summary>
    public bool? ByAgreedDate { get; private set; }

    /// <summary>Times the response date was renegotiated.</summary>
    public int Renegotiations { get; private set; }

    /// <summary>Sent within the six-month backstop (Reg 14).</summary>
    public bool? WithinBackstop { get; private set; }

    /// <summary>The deadline scan found the backstop missed.</summary>
    public bool BackstopMissed { get; private set; }

    /// <summary>Upheld, PartiallyUpheld or NotUpheld (KO41a), from the response.</summary>
    public string? Outcome { get; private set; }

    /// <summary>Closed.</summary>
    public DateOnly? ClosedOn { get; private set; }

    /// <summary>How it closed: Resolved, Transferred, Excluded, Withdrawn, Declined, Linked…</summary>
    public string? Closure { get; private set; }

    /// <summary>Times reopened.</summary>
    public int Reopened { get; private set; }

    /// <summary>The complainant went to the Ombudsman.</summary>
    public DateOnly? OmbudsmanOn { get; private set; }

    /// <summary>An advocacy service accepted a referral.</summary>
    public bool Advocacy { get; private set; }

    /// <summary>Reviews of drafts completed, waived or expired.</summary>
    public int DraftReviews { get; private set; }

    /// <summary>KO41 subject areas.</summary>
    public List<string> Subjects { get; private set; } = [];

    /// <summary>KO41 service area.</summary>
    public string? ServiceArea { get; private set; }

    /// <summary>KO41 professions.</summary>
    public List<string> Professions { get; private set; } = [];

    /// <summary>KO41 clinical treatment sub-categories.</summary>
    public List<string> ClinicalSubCategories { get; private set; } = [];

    /// <summary>Site ODS code.</summary>
    public string? SiteOdsCode { get; private set; }

    /// <summary>KO41 age band of the patient.</summary>
    public string? AgeBand { get; private set; }

    /// <summary>KO41 status of the complainant.</summary>
    public string? ComplainantStatus { get; private set; }

    /// <summary>How the complaint arrived (from intake's <c>ComplaintSubmitted</c>), kept here so counts need no join.</summary>
    public string? Channel { get; private set; }

    /// <summary>Received in the month (first day), for fast grouping.</summary>
    public DateOnly? ReceivedMonth { get; private set; }

    /// <summary>Gives a case first reached by an event that names no organisation (advocacy's) the one a later event names.</summary>
    public void NameOrganisation(string organisationCode)
    {
        if (OrganisationCode.Length == 0)
        {
            OrganisationCode = organisationCode;
        }
    }

    /// <summary>
    /// The case was opened: who deals with it, when it was received and when its acknowledgement is due. The channel
    /// is given when the complaint's arrival is already known, and never replaces one already taken from it.
    /// </summary>
    public void Open(Guid complaintId, string organisationCode, DateOnly receivedOn, DateOnly acknowledgementDueBy, string? channel)
    {
        ComplaintId = complaintId;
        Channel ??= channel;
        OrganisationCode = organisationCode;
        ReceivedOn = receivedOn;
        ReceivedMonth = new DateOnly(receivedOn.Year, receivedOn.Month, 1);
        AcknowledgementDueBy = acknowledgementDueBy;
    }

    /// <summary>The complaint's arrival, which may be learned after the case opened.</summary>
    public void ArrivedThrough(string channel) => Channel = channel;

    /// <summary>The complaint was acknowledged, by the third working day or not.</summary>
    public void Acknowledge(DateOnly acknowledgedOn, bool inTime)
    {
        AcknowledgedOn = acknowledgedOn;
        AcknowledgedInTime = inTime;
    }

    /// <summary>The case moved to a stage: the first day each of early resolution and a closer look began is kept.</summary>
    public void EnterStage(string stage, DateOnly on)
    {
        if (stage == "EarlyResolution" && (EarlyResolutionOn is null || on < EarlyResolutionOn))
        {
            EarlyResolutionOn = on;
        }
        if (stage == "CloserLook" && (CloserLookOn is null || on < CloserLookOn))
        {
            CloserLookOn = on;
        }
    }

    /// <summary>A response date was agreed: the how-manieth renegotiation it was.</summary>
    public void AgreeResponseDate(int renegotiation) => Renegotiations = Math.Max(Renegotiations, renegotiation);

    /// <summary>
    /// A final response was sent. A reopened case sends a second one: the first is what KO41 counts as the
    /// resolution, so only the earliest response's details are kept.
    /// </summary>
    public void SendFinalResponse(DateOnly sentOn, string outcome, bool resolvedEarly, int workingDaysTaken, bool? byAgreedDate, bool withinBackstop, int renegotiations)
    {
        if (ResponseSentOn is null || sentOn < ResponseSentOn)
        {
            ResponseSentOn = sentOn;
            Outcome = outcome;
            ResolvedEarly = resolvedEarly;
            WorkingDaysTaken = workingDaysTaken;
            ByAgreedDate = byAgreedDate;
            WithinBackstop = withinBackstop;
        }
        Renegotiations = Math.Max(Renegotiations, renegotiations);
    }

    /// <summary>The case closed: the latest closure is the one that stands (a reopened case closes again).</summary>
    public void Close(DateOnly closedOn, string closure)
    {
        if (ClosedOn is null || closedOn >= ClosedOn)
        {
            ClosedOn = closedOn;
            Closure = closure;
        }
    }

    /// <summary>The case was reopened for the how-manieth time.</summary>
    public void Reopen(int count) => Reopened = Math.Max(Reopened, count);

    /// <summary>The organisation learned the complainant had gone to the Ombudsman: the first day it learned is kept.</summary>
    public void ReferToOmbudsman(DateOnly learnedOn)
    {
        if (OmbudsmanOn is null || learnedOn < OmbudsmanOn)
        {
            OmbudsmanOn = learnedOn;
        }
    }

    /// <summary>The case's KO41 coding, as last recorded.</summary>
    public void Code(
        IEnumerable<string> subjects, string serviceArea, IEnumerable<string> professions, IEnumerable<string> clinicalSubCategories, string? siteOdsCode,
        string ageBand, string complainantStatus)
    {
        Subjects = [.. subjects];
        ServiceArea = serviceArea;
        Professions = [.. professions];
        ClinicalSubCategories = [.. clinicalSubCategories];
        SiteOdsCode = siteOdsCode;
        AgeBand = ageBand;
        ComplainantStatus = complainantStatus;
    }

    /// <summary>The deadline scan found a deadline missed; a missed backstop stays missed.</summary>
    public void MissDeadline(string deadline) => BackstopMissed |= deadline == MissedDeadline.Backstop;

    /// <summary>An independent advocacy service accepted a referral.</summary>
    public void AcceptAdvocacy() => Advocacy = true;

    /// <summary>An advocate's review of a draft was completed, waived or expired.</summary>
    public void CompleteDraftReview() => DraftReviews++;
}
