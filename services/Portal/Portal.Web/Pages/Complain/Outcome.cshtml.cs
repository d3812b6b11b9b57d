using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.Journey;
using Microsoft.AspNetCore.Mvc;

namespace IcsComplaints.Portal.Web.Pages.Complain;

/// <summary>What the person would like to happen as a result of their complaint.</summary>
public sealed class OutcomeModel(PublicApis apis) : QuestionPage(apis)
{
    protected override string PageName => JourneyFlow.Outcome;

    [BindProperty]
    public string? DesiredOutcome { get; set; }


    public void OnGet()
    {
        DesiredOutcome = Draft.DesiredOutcome;
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Draft.DesiredOutcome = DesiredOutcome;
        return SaveAndContinueAsync([("desiredOutcome", "desired-outcome")], ct);
    }
}
