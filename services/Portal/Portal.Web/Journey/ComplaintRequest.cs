namespace IcsComplaints.Portal.Web.Journey;

// The complaint as the intake API takes it (POST /api/v1/complaints), by its JSON names. Nulls are left out, so a
// question not yet answered is simply absent.

/// <summary>A complaint for the intake API.</summary>
public sealed record ComplaintRequest
{
    public string? OrganisationCode { get; init; }
    public string? ShareWithProviderConsent { get; init; }
    public ComplainantPart? Complainant { get; init; }
    public RepresentationPart? Representation { get; init; }
    public PatientPart? Patient { get; init; }
    public AdjustmentsPart? Adjustments { get; init; }
    public string? EventDate { get; init; }
    public string? AwareDate { get; init; }
    public string? Description { get; init; }
    public string? DesiredOutcome { get; init; }
}

/// <summary>Who is complaining.</summary>
public sealed record ComplainantPart(string? Name, string? Email, string? Phone, string? Type, AddressPart? Address, string? ContactPreference, string? RelationshipToPatient);

/// <summary>A postal address.</summary>
public sealed record AddressPart(string? Line1, string? Line2, string? Town, string? Postcode);

/// <summary>A representative's basis and the person's consent (Reg 5).</summary>
public sealed record RepresentationPart(string? Basis, string? ConsentEvidence, string? ConsentRecordedOn);

/// <summary>The person the care was for.</summary>
public sealed record PatientPart(string? Name, string? NhsNumber, string? DateOfBirth);

/// <summary>Reasonable adjustments.</summary>
public sealed record AdjustmentsPart(IReadOnlyList<string>? Needs, string? InterpreterLanguage, string? Notes);
