using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.Journey;
using Microsoft.AspNetCore.Mvc;

namespace IcsComplaints.Portal.Web.Pages.Complain;

/// <summary>Optional details that help find the records of the person the care was for.</summary>
public sealed class NhsNumberModel(PublicApis apis) : QuestionPage(apis)
{
    protected override string PageName => JourneyFlow.NhsNumber;

    [BindProperty]
    public string? Number { get; set; }

    [BindProperty]
    public DateParts DateOfBirth { get; set; } = new();


    public void OnGet()
    {
        (Number, DateOfBirth) = (Draft.NhsNumber, Draft.DateOfBirth);
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        (Draft.NhsNumber, Draft.DateOfBirth) = (Number, DateOfBirth);
        return SaveAndContinueAsync([("patient.nhsNumber", "nhs-number"), ("patient.dateOfBirth", "date-of-birth"), ("representation.basis", "date-of-birth")], ct);
    }
}
