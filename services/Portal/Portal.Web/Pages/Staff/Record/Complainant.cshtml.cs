using IcsComplaints.Portal.Web.Clients;
using Microsoft.AspNetCore.Mvc;

namespace IcsComplaints.Portal.Web.Pages.Staff.Record;

/// <summary>Who is complaining (the patient, someone affected, or a representative: Reg 5) and how to reach them.</summary>
public sealed class ComplainantModel(IntakeStaffApis apis) : RecordPage(apis)
{
    [BindProperty] public string? Type { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Preference { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? Line1 { get; set; }
    [BindProperty] public string? Line2 { get; set; }
    [BindProperty] public string? Town { get; set; }
    [BindProperty] public string? Postcode { get; set; }

    public void OnGet()
    {
        (Type, Name, Preference, Email, Phone) = (Draft.ComplainantType, Draft.Name, Draft.ContactPreference, Draft.Email, Draft.Phone);
        (Line1, Line2, Town, Postcode) = (Draft.Line1, Draft.Line2, Draft.Town, Draft.Postcode);
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        (Draft.ComplainantType, Draft.Name, Draft.ContactPreference, Draft.Email, Draft.Phone) = (Type, Name, Preference, Email, Phone);
        (Draft.Line1, Draft.Line2, Draft.Town, Draft.Postcode) = (Line1, Line2, Town, Postcode);
        if (Type is null)
        {
            // Intake reads a missing type as "the patient"; asking here keeps a representative from being recorded as one.
            Errors.Add("type", "Select who is complaining");
            return Task.FromResult<IActionResult>(Page());
        }
        return SaveAndContinueAsync(
            [("complainant.type", "type"), ("complainant.name", "name"), ("complainant", "preference"), ("complainant.contactPreference", "preference"),
             ("complainant.email", "email"), ("complainant.phone", "phone"), ("complainant.address", "line1"), ("complainant.address.line1", "line1"),
             ("complainant.address.line2", "line2"), ("complainant.address.town", "town"), ("complainant.address.postcode", "postcode")],
            Draft.IsRepresentative ? "/staff/record/representative" : "/staff/record/complaint", ct);
    }
}
