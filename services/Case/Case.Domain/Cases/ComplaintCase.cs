using IcsComplaints.Calendar;
using IcsComplaints.Case.Domain.Rules;
using IcsComplaints.Nhs.Rules;

namespace IcsComplaints.Case.Domain.Cases;

/// <summary>
/// A complaint being handled by one organisation under the model complaint handling procedure: received,
/// acknowledged (Reg 13(3)), resolved early or looked at more closely, answered with a final response signed by the
/// responsible person (Reg 14) and closed with an outcome. Opened when intake records a complaint, at the
/// organisation handling it; closed by intake when it transfers, excludes, links or declines the complaint or the
/// complainant withdraws it. While intake waits for a decision the Regulations require (time limit, best interests,
/// routing) the case is on hold: it can be acknowledged, but not investigated.
/// </summary>
public sealed partial class ComplaintCase
{
    private readonly List<ResponseDateAgreement> _agreements = [];
    private readonly List<ClockPause> _pauses = [];
    private readonly List<ContactLogEntry> _contacts = [];
    private readonly List<StaffInvolved> _staff = [];
    private readonly List<Contribution> _contributions = [];
    private readonly List<SurveyResponse> _surveys = [];

    private ComplaintCase()
    {
    }

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }

    /// <summary>The complaint this case handles (one open case per complaint; a transfer closes one and opens another).</summary>
    public Guid ComplaintId { get; private set; }

    /// <summary>The complaint's reference.</summary>
    public string Reference { get; private set; } = "";

    /// <summary>ODS code of the organisation handling it.</summary>
    public string OrganisationCode { get; private set; } = "";

    /// <summary>Current stage.</summary>
    public CaseStage Stage { get; private set; }

    /// <summary>Date received (Europe/London): the start of every clock.</summary>
    public DateOnly ReceivedOn { get; private set; }

    /// <summary>The third working day after receipt (<see cref="AcknowledgementDeadline"/>, Reg 13(3)).</summary>
    public DateOnly AcknowledgementDueBy { get; private set; }

    /// <summary>When the case was opened.</summary>
    public DateTimeOffset OpenedAt { get; private set; }

    /// <summary>Token subject of the signed-in complainant, who may follow their own case; <c>null</c> otherwise.</summary>
    public string? ComplainantSubjectId { get; private set; }

    /// <summary>The organisation it came from, when transferred (Reg 6(6), 7(5)).</summary>
    public string? TransferredFromOrganisationCode { get; private set; }

    /// <summary>Made more than 12 months after the events, and not yet decided whether to consider it (Reg 12(4)).</summary>
    public bool AwaitingTimeLimitDecision { get; private set; }

    /// <summary>A representative of a child or a person lacking capacity, whose best interests are not yet decided (Reg 5(4)).</summary>
    public bool AwaitingBestInterestsDecision { get; private set; }

    /// <summary>Made to an ICB about a provider, and not yet routed (Reg 7).</summary>
    public bool AwaitingRouting { get; private set; }

    /// <summary>True while a decision at intake is outstanding.</summary>
    public bool OnHold => AwaitingTimeLimitDecision || AwaitingBestInterestsDecision || AwaitingRouting;

    /// <summary>True until the final response has gone or the case closed: the clocks run.</summary>
    public bool IsOpen => StageTransitions.ClockRuns(Stage);

    /// <summary>The clock is paused now.</summary>
    public bool IsPaused => _pauses.Any(p => p.Until is null);

    /// <summary>The member of the complaints team handling it.</summary>
    public StaffRef? Handler { get; private set; }

    /// <summary>When it was acknowledged.</summary>
    public DateOnly? AcknowledgedOn { get; private set; }

    /// <summary>How.</summary>
    public ContactChannel? AcknowledgementChannel { get; private set; }

    /// <summary>The acknowledgement offered to discuss how the complaint will be handled and the response period (Reg 13(2)).</summary>
    public bool DiscussionOffered { get; private set; }

    /// <summary>When that discussion took place, if it did.</summary>
    public DateOnly? DiscussedOn { get; private set; }

    /// <summary>When early resolution started.</summary>
    public DateOnly? EarlyResolutionStartedOn { get; private set; }

    /// <summary>The organisation's early-resolution target, counted from receipt.</summary>
    public DateOnly? EarlyResolutionDueBy { get; private set; }

    /// <summary>When a closer look started.</summary>
    public DateOnly? CloserLookStartedOn { get; private set; }

    /// <summary>Why it moved to a closer look (from early resolution, or back from a draft).</summary>
    public string? EscalationReason { get; private set; }

    /// <summary>The plan of the closer look.</summary>
    public InvestigationPlan? Plan { get; private set; }

    /// <summary>Who looks into it.</summary>
    public StaffRef? Investigator { get; private set; }

    /// <summary>The investigator's conflict check.</summary>
    public ConflictCheck? ConflictCheck { get; private set; }

    /// <summary>The person responsible for the final response (Reg 4: the responsible person, who signs).</summary>
    public StaffRef? ResponsiblePerson { get; private set; }

    /// <summary>A named delegate who may sign for the responsible person.</summary>
    public StaffRef? SigningDelegate { get; private set; }

    /// <summary>The agreed number of working days between updates.</summary>
    public int? UpdateEveryWorkingDays { get; private set; }

    /// <summary>When that frequency was agreed.</summary>
    public DateOnly? UpdateFrequencyAgreedOn { get; private set; }

    /// <summary>The draft final response.</summary>
    public ResponseDraft? Draft { get; private set; }

    /// <summary>Incremented on every change to the draft, so a signature covers one version.</summary>
    public int DraftVersion { get; private set; }

    /// <summary>The signature on the current draft.</summary>
    public ResponseSignature? Signature { get; private set; }

    /// <summary>When the final response went.</summary>
    public DateOnly? FinalResponseSentOn { get; private set; }

    /// <summary>How it went.</summary>
    public ContactChannel? FinalResponseChannel { get; private set; }

    /// <summary>What was discussed and agreed, when the complaint was resolved early instead of by a signed response.</summary>
    public EarlyResolutionRecord? EarlyResolution { get; private set; }

    /// <summary>The letter written when no response had gone by the Reg 14 backstop, explaining why.</summary>
    public DateOnly? DelayLetterSentOn { get; private set; }

    /// <summary>Its reasons.</summary>
    public string? DelayLetterReasons { get; private set; }

    /// <summary>KO41 coding (<see cref="Ko41Coding"/>).</summary>
    public CaseCoding? Coding { get; private set; }

    /// <summary>When it closed.</summary>
    public DateOnly? ClosedOn { get; private set; }

    /// <summary>Why it closed.</summary>
    public CaseClosure? Closure { get; private set; }

    /// <summary>For a resolved complaint, as KO41a defines it.</summary>
    public CaseOutcome? Outcome { get; private set; }

    /// <summary>How many times it was reopened.</summary>
    public int ReopenCount { get; private set; }

    /// <summary>When last reopened.</summary>
    public DateOnly? ReopenedOn { get; private set; }

    /// <summary>Why.</summary>
    public string? ReopenReason { get; private set; }

    /// <summary>When the organisation learnt the complainant had gone to the Ombudsman.</summary>
    public DateOnly? OmbudsmanReferralLearnedOn { get; private set; }

    /// <summary>The Ombudsman's reference, when known.</summary>
    public string? OmbudsmanReference { get; private set; }

    /// <summary>Response dates agreed, oldest first; the last one holds.</summary>
    public IReadOnlyList<ResponseDateAgreement> Agreements => _agreements;

    /// <summary>Clock pauses.</summary>
    public IReadOnlyList<ClockPause> Pauses => _pauses;

    /// <summary>Contacts with the complainant.</summary>
    public IReadOnlyList<ContactLogEntry> Contacts => _contacts;

    /// <summary>Staff complained about.</summary>
    public IReadOnlyList<StaffInvolved> Staff => _staff;

    /// <summary>Other organisations' parts of a co-ordinated response (Reg 9).</summary>
    public IReadOnlyList<Contribution> Contributions => _contributions;

    /// <summary>Experience surveys.</summary>
    public IReadOnlyList<SurveyResponse> Surveys => _surveys;

    /// <summary>Opens a case for a newly recorded or transferred complaint.</summary>
    public static ComplaintCase Open(CaseOpening opening, WorkingDayCalendar calendar, DateTimeOffset openedAt)
    {
        ArgumentNullException.ThrowIfNull(opening);
        var opened = new ComplaintCase
        {
            Id = Guid.CreateVersion7(openedAt),
            ComplaintId = opening.ComplaintId,
            Reference = opening.Reference,
            OrganisationCode = opening.OrganisationCode,
            Stage = CaseStage.Received,
            ReceivedOn = opening.ReceivedOn,
            AcknowledgementDueBy = AcknowledgementDeadline.DueBy(opening.ReceivedOn, calendar),
            OpenedAt = openedAt,
            ComplainantSubjectId = opening.ComplainantSubjectId,
            TransferredFromOrganisationCode = opening.TransferredFromOrganisationCode,
            AwaitingTimeLimitDecision = opening.AwaitingTimeLimitDecision,
            AwaitingBestInterestsDecision = opening.AwaitingBestInterestsDecision,
            AwaitingRouting = opening.AwaitingRouting,
        };
        opened.SetContributors(opening.Contributors);
        return opened;
    }

    /// <summary>
    /// Closes the case for a reason decided at intake (transfer, exclusion, withdrawal, …) or, for an imported
    /// complaint, as resolved; closing a closed case changes nothing.
    /// </summary>
    public bool Close(CaseClosure closure, DateOnly closedOn, CaseOutcome? outcome = null)
    {
        if (Stage == CaseStage.Closed)
        {
            return false;
        }
        Stage = CaseStage.Closed;
        Closure = closure;
        ClosedOn = closedOn;
        Outcome = outcome ?? Outcome;
        AwaitingTimeLimitDecision = AwaitingBestInterestsDecision = AwaitingRouting = false;
        EndOpenPause(closedOn);
        return true;
    }

    /// <summary>Records the decision on a late complaint: considered, the hold lifts (Reg 12(4)).</summary>
    public void TimeLimitConsidered() => AwaitingTimeLimitDecision = false;

    /// <summary>Records that the representative acts in the person's best interests: the hold lifts (Reg 5(4)).</summary>
    public void BestInterestsConfirmed() => AwaitingBestInterestsDecision = false;

    /// <summary>Records routing at the ICB: handled there, the hold lifts.</summary>
    public void Routed(bool awaitingRouting) => AwaitingRouting = awaitingRouting;

    /// <summary>The other organisations of a complaint about several, when this case's organisation leads (Reg 9).</summary>
    public void SetContributors(IEnumerable<string> organisationCodes)
    {
        foreach (var code in organisationCodes.Where(c => !string.Equals(c, OrganisationCode, StringComparison.OrdinalIgnoreCase)))
        {
            if (!_contributions.Any(c => string.Equals(c.OrganisationCode, code, StringComparison.OrdinalIgnoreCase)))
            {
                _contributions.Add(new Contribution(Id, code.ToUpperInvariant()));
            }
        }
    }
}
