namespace IcsComplaints.Intake.Api.Features.SubmitComplaint;

/// <summary>
/// A complaint as a caller sends it, before validation. The REST body has this shape; gRPC maps to it. Enumerations
/// are given by name (<c>"Representative"</c>), dates as <c>YYYY-MM-DD</c>.
/// </summary>
public sealed record SubmitComplaintCommand
{
    /// <summary>ODS code of the organisation the complaint is made to.</summary>
    public string? OrganisationCode { get; init; }

    /// <summary>ODS codes of the providers it is about, when not (only) the organisation it is made to.</summary>
    public IReadOnlyList<string>? AboutOrganisationCodes { get; init; }

    /// <summary>
    /// Staff only: the identifier of an open concern of the organisation that becomes this complaint, keeping the
    /// concern's date received and channel.
    /// </summary>
    public string? FromConcernId { get; init; }

    /// <summary>Date received; staff only, empty for today.</summary>
    public string? ReceivedOn { get; init; }

    /// <summary>Channel; staff only.</summary>
    public string? Channel { get; init; }

    /// <summary>Who is complaining.</summary>
    public ComplainantInput? Complainant { get; init; }

    /// <summary>For a representative: why and on what consent (Reg 5).</summary>
    public RepresentationInput? Representation { get; init; }

    /// <summary>The patient, when known.</summary>
    public PatientInput? Patient { get; init; }

    /// <summary>Reasonable adjustments the complainant needs.</summary>
    public AdjustmentsInput? Adjustments { get; init; }

    /// <summary>When the matter happened (Reg 12).</summary>
    public string? EventDate { get; init; }

    /// <summary>When it came to the complainant's notice (Reg 12); defaults to the event date.</summary>
    public string? AwareDate { get; init; }

    /// <summary>For an oral complaint: when staff sent the complainant the written record (Reg 13(2)).</summary>
    public string? WrittenRecordSentOn { get; init; }

    /// <summary>For a complaint to an ICB about a provider: the complainant's consent to share it, Given or Refused (Reg 7(3)).</summary>
    public string? ShareWithProviderConsent { get; init; }

    /// <summary>What the complaint is about.</summary>
    public string? Description { get; init; }

    /// <summary>What the complainant would like to happen as a result; optional, up to 20,000 characters.</summary>
    public string? DesiredOutcome { get; init; }
}

/// <summary>The complainant as sent.</summary>
/// <param name="Name">Full name.</param>
/// <param name="Email">E-mail address.</param>
/// <param name="Phone">UK telephone number.</param>
public sealed record ComplainantInput(string? Name, string? Email, string? Phone)
{
    /// <summary>Patient (default), AffectedPerson or Representative (Reg 5).</summary>
    public string? Type { get; init; }

    /// <summary>Postal address.</summary>
    public AddressInput? Address { get; init; }

    /// <summary>Email, Phone, Letter or Text.</summary>
    public string? ContactPreference { get; init; }

    /// <summary>A representative's relationship to the person.</summary>
    public string? RelationshipToPatient { get; init; }
}

/// <summary>A UK postal address.</summary>
/// <param name="Line1">First line.</param>
/// <param name="Line2">Second line.</param>
/// <param name="Town">Town.</param>
/// <param name="Postcode">Postcode.</param>
public sealed record AddressInput(string? Line1, string? Line2, string? Town, string? Postcode);

/// <summary>A representative's basis and the person's consent (Reg 5(2)).</summary>
/// <param name="Basis">PersonAsked, PersonDied, PersonIsChild, PhysicalIncapacity or LacksCapacity.</param>
/// <param name="ConsentEvidence">Written, Verbal or Electronic: required where the person can consent.</param>
/// <param name="ConsentRecordedOn">When the consent was recorded.</param>
public sealed record RepresentationInput(string? Basis, string? ConsentEvidence, string? ConsentRecordedOn);

/// <summary>The patient as sent.</summary>
/// <param name="Name">Full name.</param>
/// <param name="NhsNumber">NHS number (ten digits, Modulus 11 checked; spaces allowed).</param>
/// <param name="DateOfBirth">Date of birth, <c>YYYY-MM-DD</c>.</param>
public sealed record PatientInput(string? Name, string? NhsNumber, string? DateOfBirth);

/// <summary>Reasonable adjustments.</summary>
/// <param name="Needs">LargePrint, Braille, EasyRead, Audio, Interpreter, BslInterpreter, Advocate, Other.</param>
/// <param name="InterpreterLanguage">The language, when an interpreter is needed.</param>
/// <param name="Notes">Anything else.</param>
public sealed record AdjustmentsInput(IReadOnlyList<string>? Needs, string? InterpreterLanguage, string? Notes);
