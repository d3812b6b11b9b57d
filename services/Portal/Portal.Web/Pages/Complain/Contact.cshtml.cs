using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.Journey;
using Microsoft.AspNetCore.Mvc;

namespace IcsComplaints.Portal.Web.Pages.Complain;

/// <summary>How the complainant would like to be contacted, and the details for that channel.</summary>
public sealed class ContactModel(PublicApis apis) : QuestionPage(apis)
{
    protected override string PageName => JourneyFlow.Contact;

    [BindProperty]
    public string? Preference { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    [BindProperty]
    public string? Line1 { get; set; }

    [BindProperty]
    public string? Line2 { get; set; }

    [BindProperty]
    public string? Town { get; set; }

    [BindProperty]
    public string? Postcode { get; set; }


    public void OnGet()
    {
        (Preference, Email, Phone, Line1, Line2, Town, Postcode) = (Draft.ContactPreference, Draft.Email, Draft.Phone, Draft.AddressLine1, Draft.AddressLine2, Draft.Town, Draft.Postcode);
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        (Draft.ContactPreference, Draft.Email, Draft.Phone, Draft.AddressLine1, Draft.AddressLine2, Draft.Town, Draft.Postcode) = (Preference, Email, Phone, Line1, Line2, Town, Postcode);
        return SaveAndContinueAsync([("complainant.contactPreference", "preference"), ("complainant.email", "email"), ("complainant.phone", "phone"), ("complainant.address.line1", "line1"), ("complainant.address.line2", "line2"), ("complainant.address.town", "town"), ("complainant.address.postcode", "postcode"), ("complainant.address", "line1"), ("complainant", "preference")], ct);
    }
}
