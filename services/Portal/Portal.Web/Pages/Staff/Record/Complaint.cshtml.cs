using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.Journey;
using Microsoft.AspNetCore.Mvc;

namespace IcsComplaints.Portal.Web.Pages.Staff.Record;

/// <summary>What the complaint is about, when it happened and when the complainant found out (Reg 12's time limit).</summary>
public sealed class ComplaintModel(IntakeStaffApis apis) : RecordPage(apis)
{
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public DateParts EventDate { get; set; } = new();
    [BindProperty] public DateParts AwareDate { get; set; } = new();
    [BindProperty] public string? DesiredOutcome { get; set; }

    public void OnGet() => (Description, EventDate, AwareDate, DesiredOutcome) = (Draft.Description, Draft.EventDate, Draft.AwareDate, Draft.DesiredOutcome);

    public Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        (Draft.Description, Draft.EventDate, Draft.AwareDate, Draft.DesiredOutcome) = (Description, EventDate, AwareDate, DesiredOutcome);
        return SaveAndContinueAsync(
            [("description", "description"), ("eventDate", "event-date"), ("awareDate", "aware-date"), ("desiredOutcome", "desired-outcome")], "/staff/record/check", ct);
    }
}
