using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.Journey;
using Microsoft.AspNetCore.Mvc;

namespace IcsComplaints.Portal.Web.Pages.Complain;

/// <summary>Reg 5(2): how the person agreed to the representative complaining for them, and when.</summary>
public sealed class ConsentModel(PublicApis apis) : QuestionPage(apis)
{
    protected override string PageName => JourneyFlow.Consent;

    [BindProperty]
    public string? Answer { get; set; }

    [BindProperty]
    public DateParts RecordedOn { get; set; } = new();


    public void OnGet()
    {
        Answer = Draft.ConsentEvidence;
        RecordedOn = Draft.ConsentRecordedOn;
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Draft.ConsentEvidence = Answer;
        Draft.ConsentRecordedOn = RecordedOn;
        return SaveAndContinueAsync([("representation.consentEvidence", "answer"), ("representation.consentRecordedOn", "recorded-on")], ct);
    }
}
