using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.Journey;
using Microsoft.AspNetCore.Mvc;

namespace IcsComplaints.Portal.Web.Pages.Complain;

/// <summary>The person the care was for, and how the complainant is related to them.</summary>
public sealed class PatientModel(PublicApis apis) : QuestionPage(apis)
{
    protected override string PageName => JourneyFlow.Patient;

    [BindProperty]
    public string? PatientName { get; set; }

    [BindProperty]
    public string? Relationship { get; set; }


    public void OnGet()
    {
        PatientName = Draft.PatientName;
        Relationship = Draft.RelationshipToPatient;
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Draft.PatientName = PatientName;
        Draft.RelationshipToPatient = Relationship;
        return SaveAndContinueAsync([("patient.name", "patient-name"), ("complainant.relationshipToPatient", "relationship")], ct);
    }
}
