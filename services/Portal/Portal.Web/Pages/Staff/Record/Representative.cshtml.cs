using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.Journey;
using Microsoft.AspNetCore.Mvc;

namespace IcsComplaints.Portal.Web.Pages.Staff.Record;

/// <summary>
/// A representative's basis and the patient's consent (Reg 5(2)), and who the patient is. Whether consent is needed
/// for the basis given is intake's rule; its message is shown here.
/// </summary>
public sealed class RepresentativeModel(IntakeStaffApis apis) : RecordPage(apis)
{
    [BindProperty] public string? Basis { get; set; }
    [BindProperty] public string? Consent { get; set; }
    [BindProperty] public DateParts ConsentOn { get; set; } = new();
    [BindProperty] public string? Relationship { get; set; }
    [BindProperty] public string? PatientName { get; set; }
    [BindProperty] public string? NhsNumber { get; set; }
    [BindProperty] public DateParts DateOfBirth { get; set; } = new();

    public void OnGet()
    {
        (Basis, Consent, ConsentOn, Relationship) = (Draft.RepresentationBasis, Draft.ConsentEvidence, Draft.ConsentRecordedOn, Draft.Relationship);
        (PatientName, NhsNumber, DateOfBirth) = (Draft.PatientName, Draft.NhsNumber, Draft.DateOfBirth);
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        (Draft.RepresentationBasis, Draft.ConsentEvidence, Draft.ConsentRecordedOn, Draft.Relationship) = (Basis, Consent, ConsentOn, Relationship);
        (Draft.PatientName, Draft.NhsNumber, Draft.DateOfBirth) = (PatientName, NhsNumber, DateOfBirth);
        return SaveAndContinueAsync(
            [("representation", "basis"), ("representation.basis", "basis"), ("representation.consentEvidence", "consent"), ("representation.consentRecordedOn", "consent-on"),
             ("complainant.relationshipToPatient", "relationship"), ("patient.name", "patient-name"), ("patient.nhsNumber", "nhs-number"), ("patient.dateOfBirth", "date-of-birth")],
            "/staff/record/complaint", ct);
    }
}
