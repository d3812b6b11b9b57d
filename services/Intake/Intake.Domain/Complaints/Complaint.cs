using IcsComplaints.Intake.Domain.Rules;

namespace IcsComplaints.Intake.Domain.Complaints;

/// <summary>
/// A complaint as received, and what intake decides about it under the Regulations: who handles it (Reg 6, 7, 9),
/// whether a late complaint or a representative's is considered (Reg 12(4), 5(4)), whether it is excluded (Reg 8),
/// linked to another about the same matter (either/or) or withdrawn, and how far the complainant sees it has gone.
/// State changes only through its methods (here, in <c>Complaint.Arrival.cs</c>, <c>Complaint.Decisions.cs</c> and
/// <c>Complaint.Progress.cs</c>), each announcing itself in <see cref="Events"/>. Holds personal data; only identifiers,
/// codes and dates leave intake.
/// </summary>
public sealed partial class Complaint
{
    private readonly List<ComplaintEvent> _events = [];

    // For EF Core.
    private Complaint()
    {
    }

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }

    /// <summary>Reference quoted in correspondence.</summary>
    public string Reference { get; private set; } = "";

    /// <summary>ODS code of the organisation complained to.</summary>
    public string OrganisationCode { get; private set; } = "";

    /// <summary>Date received (Europe/London).</summary>
    public DateOnly ReceivedOn { get; private set; }

    /// <summary>How it arrived.</summary>
    public ComplaintChannel Channel { get; private set; }

    /// <summary>Who is complaining.</summary>
    public Complainant Complainant { get; private set; } = null!;

    /// <summary>The complaint in the complainant's words.</summary>
    public string Description { get; private set; } = "";

    /// <summary>
    /// What the complainant would like to happen, in their words, when they said: the outcome sought that the
    /// handler clarifies before looking into the complaint and the final response answers (Complaint Standards,
    /// "Being thorough and fair" and the final response: domain.md §1.4, §1.6).
    /// </summary>
    public string? DesiredOutcome { get; private set; }

    /// <summary>The patient's name, when the complaint is about someone else's care.</summary>
    public string? PatientName { get; private set; }

    /// <summary>The patient's NHS number, ten digits.</summary>
    public string? PatientNhsNumber { get; private set; }

    /// <summary>The patient's date of birth.</summary>
    public DateOnly? PatientDateOfBirth { get; private set; }

    /// <summary>When it was recorded.</summary>
    public DateTimeOffset SubmittedAt { get; private set; }

    /// <summary>Subject of the signed-in complainant who submitted it, so they can read it later; <c>null</c> otherwise.</summary>
    public string? ComplainantSubjectId { get; private set; }

    /// <summary>SHA-256 of the secret given to an online submitter to check progress with the reference.</summary>
    public string? StatusSecretHash { get; private set; }

    /// <summary>How far intake has seen it go.</summary>
    public ComplaintStatus Status { get; private set; } = ComplaintStatus.Received;

    /// <summary>When the handling organisation opened a case for it.</summary>
    public DateTimeOffset? CaseOpenedAt { get; private set; }

    /// <summary>The case at the handling organisation, whose progress the complainant follows.</summary>
    public Guid? CaseId { get; private set; }

    /// <summary>When the handling organisation acknowledged it.</summary>
    public DateOnly? AcknowledgedOn { get; private set; }

    /// <summary>The response date in force, agreed with the complainant.</summary>
    public DateOnly? ResponseDueBy { get; private set; }

    /// <summary>Which agreement <see cref="ResponseDueBy"/> comes from (0 first, then each renegotiation), so a late event never overrides a newer date.</summary>
    public int? ResponseDueByRenegotiation { get; private set; }

    /// <summary>When the final response was sent.</summary>
    public DateOnly? ResponseSentOn { get; private set; }

    /// <summary>When the case closed.</summary>
    public DateOnly? ClosedOn { get; private set; }

    /// <summary>Open, or how it ended at intake (transferred, excluded, withdrawn, declined, not considered, linked).</summary>
    public ComplaintState State { get; private set; } = ComplaintState.Open;

    // Who is complaining (Reg 5)

    /// <summary>Patient, affected person or representative.</summary>
    public ComplainantType ComplainantType { get; private set; } = ComplainantType.Patient;

    /// <summary>Why a representative acts for the person.</summary>
    public RepresentativeBasis? RepresentativeBasis { get; private set; }

    /// <summary>How the person's consent to the representative was evidenced.</summary>
    public ConsentEvidence? ConsentEvidence { get; private set; }

    /// <summary>When that consent was recorded.</summary>
    public DateOnly? ConsentRecordedOn { get; private set; }

    /// <summary>The representative's relationship to the person, in their words.</summary>
    public string? RelationshipToPatient { get; private set; }

    /// <summary>A representative of a child or a person lacking capacity needs a best-interests decision (Reg 5(4)).</summary>
    public bool BestInterestsDecisionRequired { get; private set; }

    /// <summary>The decision: true when the representative acts in the person's best interests.</summary>
    public bool? InBestInterests { get; private set; }

    /// <summary>When it was decided.</summary>
    public DateOnly? BestInterestsDecidedOn { get; private set; }

    /// <summary>Why.</summary>
    public string? BestInterestsReasons { get; private set; }

    /// <summary>When the letter giving the reasons went, if the complaint is not considered.</summary>
    public DateOnly? BestInterestsLetterSentOn { get; private set; }

    // Contact and reasonable adjustments

    /// <summary>How the complainant wants to be contacted.</summary>
    public ContactMethod? ContactPreference { get; private set; }

    /// <summary>Reasonable adjustments the complainant needs.</summary>
    public IReadOnlyList<ReasonableAdjustment> ReasonableAdjustments { get; private set; } = [];

    /// <summary>Language, when an interpreter is needed.</summary>
    public string? InterpreterLanguage { get; private set; }

    /// <summary>Anything else about adjustments.</summary>
    public string? AdjustmentNotes { get; private set; }

    // Time limit (Reg 12)

    /// <summary>When the matter complained about happened.</summary>
    public DateOnly? EventDate { get; private set; }

    /// <summary>When it came to the complainant's notice.</summary>
    public DateOnly? AwareDate { get; private set; }

    /// <summary>Received more than 12 months after the later of those dates.</summary>
    public bool OutOfTime { get; private set; }

    /// <summary>The decision on an out-of-time complaint.</summary>
    public TimeLimitDecision? TimeLimitDecision { get; private set; }

    /// <summary>When it was decided.</summary>
    public DateOnly? TimeLimitDecidedOn { get; private set; }

    /// <summary>The complainant's good reason for the delay (when considered).</summary>
    public string? TimeLimitGoodReason { get; private set; }

    /// <summary>The letter explaining a decision to decline.</summary>
    public DateOnly? TimeLimitLetterSentOn { get; private set; }

    /// <summary>For an oral complaint: when the written record was sent to the complainant (Reg 13(2)).</summary>
    public DateOnly? WrittenRecordSentOn { get; private set; }

    // Routing (Reg 6, 7, 9)

    /// <summary>ODS code of the organisation handling it now.</summary>
    public string HandlingOrganisationCode { get; private set; } = "";

    /// <summary>The providers it is about, when not only the recipient.</summary>
    public IReadOnlyList<string> AboutOrganisationCodes { get; private set; } = [];

    /// <summary>How it was routed.</summary>
    public ComplaintRoute Route { get; private set; } = ComplaintRoute.HandledByRecipient;

    /// <summary>The complainant's consent to share with the provider (Reg 7(3)); <c>null</c> until asked.</summary>
    public bool? ShareConsentGiven { get; private set; }

    /// <summary>When that consent was recorded.</summary>
    public DateOnly? ShareConsentRecordedOn { get; private set; }

    /// <summary>For a complaint about several organisations: all of them (Reg 9).</summary>
    public IReadOnlyList<string> Parties { get; private set; } = [];

    /// <summary>For a complaint about several organisations: the agreed lead.</summary>
    public string? LeadOrganisationCode { get; private set; }

    /// <summary>The organisation it was transferred from, if it was.</summary>
    public string? TransferredFromOrganisationCode { get; private set; }

    /// <summary>When it was transferred.</summary>
    public DateOnly? TransferredOn { get; private set; }

    /// <summary>The complaint this one is handled under, when linked (either/or).</summary>
    public Guid? LinkedToComplaintId { get; private set; }

    // Exclusion (Reg 8) and withdrawal

    /// <summary>The ground for not handling it under the Regulations.</summary>
    public ExclusionGround? ExclusionGround { get; private set; }

    /// <summary>When excluded.</summary>
    public DateOnly? ExcludedOn { get; private set; }

    /// <summary>The written reasons.</summary>
    public string? ExclusionReasons { get; private set; }

    /// <summary>When the letter with the reasons went.</summary>
    public DateOnly? ExclusionLetterSentOn { get; private set; }

    /// <summary>When the complainant withdrew it.</summary>
    public DateOnly? WithdrawnOn { get; private set; }

    // Import

    /// <summary>The system an imported complaint came from.</summary>
    public string? ImportSource { get; private set; }

    /// <summary>The concern it was first raised as, when an open concern became this complaint.</summary>
    public Guid? FromConcernId { get; private set; }

    /// <summary>Its identifier there; with the source, it makes re-running an import harmless.</summary>
    public string? ImportExternalId { get; private set; }

    /// <summary>What the complaint has announced since it was loaded, oldest first, not yet published.</summary>
    public IReadOnlyList<ComplaintEvent> Events => _events;

    /// <summary>Hands over what the complaint announced, for publishing, and forgets it.</summary>
    public IReadOnlyList<ComplaintEvent> TakeEvents()
    {
        var events = _events.ToList();
        _events.Clear();
        return events;
    }

    /// <summary>The decisions the complaint waits for before it can move on.</summary>
    public IReadOnlyList<string> PendingDecisions()
    {
        if (State != ComplaintState.Open)
        {
            return [];
        }
        var pending = new List<string>();
        if (TimeLimit.AwaitsDecision(this))
        {
            pending.Add("time-limit-decision (Reg 12(4))");
        }
        if (WhoMayComplain.AwaitsBestInterestsDecision(this))
        {
            pending.Add("best-interests-decision (Reg 5(4))");
        }
        switch (Route)
        {
            case ComplaintRoute.AwaitingConsent:
                pending.Add("consent to share with the provider (Reg 7(3))");
                break;
            case ComplaintRoute.AwaitingRoutingDecision:
                pending.Add("routing: handle as commissioner or transfer (Reg 7(4)-(5))");
                break;
            case ComplaintRoute.Misdirected:
                pending.Add("transfer to the organisation that should handle it, with consent (Reg 6(5))");
                break;
        }
        return pending;
    }

    private void Announce(ComplaintEvent change) => _events.Add(change);
}
