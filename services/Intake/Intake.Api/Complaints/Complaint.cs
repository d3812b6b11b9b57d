using IcsComplaints.Intake.Contracts.Events;

namespace IcsComplaints.Intake.Api.Complaints;

/// <summary>A complaint as received. Holds personal data; only identifiers, codes and dates leave intake.</summary>
public sealed class Complaint
{
    /// <summary>Identifier.</summary>
    public Guid Id { get; init; }

    /// <summary>Reference quoted in correspondence.</summary>
    public required string Reference { get; init; }

    /// <summary>ODS code of the organisation complained to.</summary>
    public required string OrganisationCode { get; init; }

    /// <summary>Date received (Europe/London).</summary>
    public DateOnly ReceivedOn { get; init; }

    /// <summary>How it arrived.</summary>
    public ComplaintChannel Channel { get; init; }

    /// <summary>Who is complaining.</summary>
    public required Complainant Complainant { get; init; }

    /// <summary>The complaint in the complainant's words.</summary>
    public required string Description { get; init; }

    /// <summary>The patient's name, when the complaint is about someone else's care.</summary>
    public string? PatientName { get; init; }

    /// <summary>The patient's NHS number, ten digits.</summary>
    public string? PatientNhsNumber { get; init; }

    /// <summary>The patient's date of birth.</summary>
    public DateOnly? PatientDateOfBirth { get; init; }

    /// <summary>When it was recorded.</summary>
    public DateTimeOffset SubmittedAt { get; init; }

    /// <summary>Subject of the signed-in complainant who submitted it, so they can read it later; <c>null</c> otherwise.</summary>
    public string? ComplainantSubjectId { get; init; }

    /// <summary>SHA-256 of the secret given to an online submitter to check progress with the reference.</summary>
    public string? StatusSecretHash { get; init; }

    /// <summary>How far intake has seen it go.</summary>
    public ComplaintStatus Status { get; set; } = ComplaintStatus.Received;

    /// <summary>When the handling organisation opened a case for it.</summary>
    public DateTimeOffset? CaseOpenedAt { get; set; }

    /// <summary>The case at the handling organisation, whose progress the complainant follows.</summary>
    public Guid? CaseId { get; set; }

    /// <summary>When the handling organisation acknowledged it.</summary>
    public DateOnly? AcknowledgedOn { get; set; }

    /// <summary>The response date in force, agreed with the complainant.</summary>
    public DateOnly? ResponseDueBy { get; set; }

    /// <summary>Which agreement <see cref="ResponseDueBy"/> comes from (0 first, then each renegotiation), so a late event never overrides a newer date.</summary>
    public int? ResponseDueByRenegotiation { get; set; }

    /// <summary>When the final response was sent.</summary>
    public DateOnly? ResponseSentOn { get; set; }

    /// <summary>When the case closed.</summary>
    public DateOnly? ClosedOn { get; set; }

    /// <summary>Open, or how it ended at intake (transferred, excluded, withdrawn, declined, not considered, linked).</summary>
    public ComplaintState State { get; set; } = ComplaintState.Open;

    // Who is complaining (Reg 5)

    /// <summary>Patient, affected person or representative.</summary>
    public ComplainantType ComplainantType { get; init; } = ComplainantType.Patient;

    /// <summary>Why a representative acts for the person.</summary>
    public RepresentativeBasis? RepresentativeBasis { get; init; }

    /// <summary>How the person's consent to the representative was evidenced.</summary>
    public ConsentEvidence? ConsentEvidence { get; init; }

    /// <summary>When that consent was recorded.</summary>
    public DateOnly? ConsentRecordedOn { get; init; }

    /// <summary>The representative's relationship to the person, in their words.</summary>
    public string? RelationshipToPatient { get; init; }

    /// <summary>A representative of a child or a person lacking capacity needs a best-interests decision (Reg 5(4)).</summary>
    public bool BestInterestsDecisionRequired { get; init; }

    /// <summary>The decision: true when the representative acts in the person's best interests.</summary>
    public bool? InBestInterests { get; set; }

    /// <summary>When it was decided.</summary>
    public DateOnly? BestInterestsDecidedOn { get; set; }

    /// <summary>Why.</summary>
    public string? BestInterestsReasons { get; set; }

    /// <summary>When the letter giving the reasons went, if the complaint is not considered.</summary>
    public DateOnly? BestInterestsLetterSentOn { get; set; }

    // Contact and reasonable adjustments

    /// <summary>How the complainant wants to be contacted.</summary>
    public ContactMethod? ContactPreference { get; init; }

    /// <summary>Reasonable adjustments the complainant needs.</summary>
    public List<ReasonableAdjustment> ReasonableAdjustments { get; init; } = [];

    /// <summary>Language, when an interpreter is needed.</summary>
    public string? InterpreterLanguage { get; init; }

    /// <summary>Anything else about adjustments.</summary>
    public string? AdjustmentNotes { get; init; }

    // Time limit (Reg 12)

    /// <summary>When the matter complained about happened.</summary>
    public DateOnly? EventDate { get; init; }

    /// <summary>When it came to the complainant's notice.</summary>
    public DateOnly? AwareDate { get; init; }

    /// <summary>Received more than 12 months after the later of those dates.</summary>
    public bool OutOfTime { get; init; }

    /// <summary>The decision on an out-of-time complaint.</summary>
    public TimeLimitDecision? TimeLimitDecision { get; set; }

    /// <summary>When it was decided.</summary>
    public DateOnly? TimeLimitDecidedOn { get; set; }

    /// <summary>The complainant's good reason for the delay (when considered).</summary>
    public string? TimeLimitGoodReason { get; set; }

    /// <summary>The letter explaining a decision to decline.</summary>
    public DateOnly? TimeLimitLetterSentOn { get; set; }

    /// <summary>For an oral complaint: when the written record was sent to the complainant (Reg 13(2)).</summary>
    public DateOnly? WrittenRecordSentOn { get; init; }

    // Routing (Reg 6, 7, 9)

    /// <summary>ODS code of the organisation handling it now.</summary>
    public required string HandlingOrganisationCode { get; set; }

    /// <summary>The providers it is about, when not only the recipient.</summary>
    public List<string> AboutOrganisationCodes { get; init; } = [];

    /// <summary>How it was routed.</summary>
    public ComplaintRoute Route { get; set; } = ComplaintRoute.HandledByRecipient;

    /// <summary>The complainant's consent to share with the provider (Reg 7(3)); <c>null</c> until asked.</summary>
    public bool? ShareConsentGiven { get; set; }

    /// <summary>When that consent was recorded.</summary>
    public DateOnly? ShareConsentRecordedOn { get; set; }

    /// <summary>For a complaint about several organisations: all of them (Reg 9).</summary>
    public List<string> Parties { get; set; } = [];

    /// <summary>For a complaint about several organisations: the agreed lead.</summary>
    public string? LeadOrganisationCode { get; set; }

    /// <summary>The organisation it was transferred from, if it was.</summary>
    public string? TransferredFromOrganisationCode { get; set; }

    /// <summary>When it was transferred.</summary>
    public DateOnly? TransferredOn { get; set; }

    /// <summary>The complaint this one is handled under, when linked (either/or).</summary>
    public Guid? LinkedToComplaintId { get; set; }

    // Exclusion (Reg 8) and withdrawal

    /// <summary>The ground for not handling it under the Regulations.</summary>
    public ExclusionGround? ExclusionGround { get; set; }

    /// <summary>When excluded.</summary>
    public DateOnly? ExcludedOn { get; set; }

    /// <summary>The written reasons.</summary>
    public string? ExclusionReasons { get; set; }

    /// <summary>When the letter with the reasons went.</summary>
    public DateOnly? ExclusionLetterSentOn { get; set; }

    /// <summary>When the complainant withdrew it.</summary>
    public DateOnly? WithdrawnOn { get; set; }

    // Import

    /// <summary>The system an imported complaint came from.</summary>
    public string? ImportSource { get; init; }

    /// <summary>Its identifier there; with the source, it makes re-running an import harmless.</summary>
    public string? ImportExternalId { get; init; }
}

/// <summary>How consent to a representative was evidenced (Reg 5(2)).</summary>
public enum ConsentEvidence
{
    /// <summary>A signed form or letter.</summary>
    Written = 1,

    /// <summary>Given by telephone or in person and recorded by staff.</summary>
    Verbal = 2,

    /// <summary>By e-mail or an online form.</summary>
    Electronic = 3,
}

/// <summary>How a complainant wants to be contacted.</summary>
public enum ContactMethod
{
    /// <summary>E-mail.</summary>
    Email = 1,

    /// <summary>Telephone.</summary>
    Phone = 2,

    /// <summary>Letter.</summary>
    Letter = 3,

    /// <summary>Text message.</summary>
    Text = 4,
}

/// <summary>Reasonable adjustments (Equality Act 2010; Accessible Information Standard).</summary>
public enum ReasonableAdjustment
{
    /// <summary>Large print.</summary>
    LargePrint = 1,

    /// <summary>Braille.</summary>
    Braille = 2,

    /// <summary>Easy read.</summary>
    EasyRead = 3,

    /// <summary>Audio.</summary>
    Audio = 4,

    /// <summary>A spoken-language interpreter (give the language).</summary>
    Interpreter = 5,

    /// <summary>A British Sign Language interpreter.</summary>
    BslInterpreter = 6,

    /// <summary>Support from an independent complaints advocate.</summary>
    Advocate = 7,

    /// <summary>Something else (describe it in the notes).</summary>
    Other = 8,
}

/// <summary>Progress as the complainant sees it from intake.</summary>
public enum ComplaintStatus
{
    /// <summary>Recorded, not yet taken up.</summary>
    Received = 1,

    /// <summary>A case is open at the organisation handling it, not yet acknowledged.</summary>
    BeingHandled = 2,

    /// <summary>Acknowledged (Reg 13).</summary>
    Acknowledged = 3,

    /// <summary>Being looked into: early resolution or a closer look, perhaps a draft response.</summary>
    BeingLookedInto = 4,

    /// <summary>The final response has been sent.</summary>
    ResponseSent = 5,

    /// <summary>The case is closed.</summary>
    Closed = 6,
}

/// <summary>The person complaining.</summary>
public sealed class Complainant
{
    /// <summary>Full name.</summary>
    public required string Name { get; init; }

    /// <summary>E-mail address.</summary>
    public string? Email { get; init; }

    /// <summary>UK telephone number in national form: digits only, with a leading 0.</summary>
    public string? Phone { get; init; }

    /// <summary>First line of the postal address.</summary>
    public string? AddressLine1 { get; init; }

    /// <summary>Second line.</summary>
    public string? AddressLine2 { get; init; }

    /// <summary>Town.</summary>
    public string? Town { get; init; }

    /// <summary>UK postcode, upper case with one space (<c>SE1 7EH</c>).</summary>
    public string? Postcode { get; init; }
}

/// <summary>
/// The first answer given to a request carrying an <c>Idempotency-Key</c>, so a retry gets the same answer and
/// records nothing new.
/// </summary>
public sealed class IdempotencyRecord
{
    /// <summary>The key the client sent, prefixed with the caller's subject so keys never collide across callers.</summary>
    public required string Key { get; init; }

    /// <summary>SHA-256 of the request, to refuse reuse of a key for a different request.</summary>
    public required string RequestHash { get; init; }

    /// <summary>The complaint the first request recorded.</summary>
    public Guid ComplaintId { get; init; }

    /// <summary>Its reference.</summary>
    public required string Reference { get; init; }

    /// <summary>
    /// The status secret the first answer carried, encrypted with the service's Data Protection keys and kept only as
    /// long as the key (a day), so that a retry gets the same answer; the complaint itself keeps only its hash. Never
    /// stored in clear: a copy of the database alone does not give anyone a complaint's progress.
    /// </summary>
    public string? ProtectedStatusSecret { get; init; }

    /// <summary>When the first request was handled.</summary>
    public DateTimeOffset CreatedAt { get; init; }
}
