using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.Journey;
using Microsoft.AspNetCore.Mvc;

namespace IcsComplaints.Portal.Web.Pages.Complain;

/// <summary>Reg 12: when the matter complained about happened.</summary>
public sealed class WhenItHappenedModel(PublicApis apis) : QuestionPage(apis)
{
    protected override string PageName => JourneyFlow.WhenItHappened;

    [BindProperty]
    public DateParts EventDate { get; set; } = new();


    public void OnGet()
    {
        EventDate = Draft.EventDate;
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Draft.EventDate = EventDate;
        return SaveAndContinueAsync([("eventDate", "event-date")], ct);
    }
}
