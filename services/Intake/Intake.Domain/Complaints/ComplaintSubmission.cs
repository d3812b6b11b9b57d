using System.Text.Json.Serialization;

namespace IcsComplaints.Intake.Domain.Complaints;

/// <summary>
/// A complaint as submitted, once every field has been read and checked: canonical values only. Its JSON form is
/// what an Idempotency-Key's request hash is taken of, so its members keep their names and order.
/// </summary>
public sealed record ComplaintSubmission
{
    /// <summary>ODS code of the organisation it was made to, upper case.</summary>
    public required string OrganisationCode { get; init; }

    /// <summary>ODS codes of the providers it is about.</summary>
    public IReadOnlyList<string> AboutOrganisationCodes { get; init; } = [];

    /// <summary>Date received.</summary>
    public DateOnly ReceivedOn { get; init; }

    /// <summary>Channel.</summary>
    public ComplaintChannel Channel { get; init; }

    /// <summary>The open concern it was first raised as, whose date and channel it keeps (<see cref="Rules.ConcernBecomingComplaint"/>).</summary>
    public Guid? FromConcernId { get; init; }

    /// <summary>Complainant's name.</summary>
    public required string Name { get; init; }

    /// <summary>E-mail address.</summary>
    public string? Email { get; init; }

    /// <summary>Telephone number in national form: digits only, with a leading 0.</summary>
    public string? Phone { get; init; }

    /// <summary>Postal address lines, town and postcode.</summary>
    public PostalAddress? Address { get; init; }

    /// <summary>Contact preference.</summary>
    public ContactMethod? ContactPreference { get; init; }

    /// <summary>Patient, affected person or representative.</summary>
    public ComplainantType ComplainantType { get; init; }

    /// <summary>A representative's basis.</summary>
    public RepresentativeBasis? RepresentativeBasis { get; init; }

    /// <summary>How the person's consent was evidenced.</summary>
    public ConsentEvidence? ConsentEvidence { get; init; }

    /// <summary>When it was recorded.</summary>
    public DateOnly? ConsentRecordedOn { get; init; }

    /// <summary>A representative's relationship to the person.</summary>
    public string? RelationshipToPatient { get; init; }

    /// <summary>A best-interests decision is needed before the complaint proceeds (Reg 5(4)).</summary>
    public bool BestInterestsDecisionRequired { get; init; }

    /// <summary>Reasonable adjustments.</summary>
    public IReadOnlyList<ReasonableAdjustment> Adjustments { get; init; } = [];

    /// <summary>Interpreter language.</summary>
    public string? InterpreterLanguage { get; init; }

    /// <summary>Notes on adjustments.</summary>
    public string? AdjustmentNotes { get; init; }

    /// <summary>When the matter happened.</summary>
    public DateOnly? EventDate { get; init; }

    /// <summary>When it came to the complainant's notice.</summary>
    public DateOnly? AwareDate { get; init; }

    /// <summary>Received after the time limit (Reg 12).</summary>
    public bool OutOfTime { get; init; }

    /// <summary>When the written record of an oral complaint went to the complainant (Reg 13(2)).</summary>
    public DateOnly? WrittenRecordSentOn { get; init; }

    /// <summary>Consent to share with the provider, when asked (Reg 7(3)).</summary>
    public bool? ShareConsentGiven { get; init; }

    /// <summary>The complaint.</summary>
    public required string Description { get; init; }

    /// <summary>What the complainant would like to happen.</summary>
    // Left out of the JSON when absent, so a retry of a submission made before this field existed hashes as it did.
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? DesiredOutcome { get; init; }

    /// <summary>Patient's name.</summary>
    public string? PatientName { get; init; }

    /// <summary>Patient's NHS number, ten digits.</summary>
    public string? PatientNhsNumber { get; init; }

    /// <summary>Patient's date of birth.</summary>
    public DateOnly? PatientDateOfBirth { get; init; }
}

/// <summary>A UK postal address.</summary>
/// <param name="Line1">First line.</param>
/// <param name="Line2">Second line.</param>
/// <param name="Town">Town.</param>
/// <param name="Postcode">Postcode, upper case with one space (<c>SE1 7EH</c>).</param>
public sealed record PostalAddress(string? Line1, string? Line2, string? Town, string? Postcode);
