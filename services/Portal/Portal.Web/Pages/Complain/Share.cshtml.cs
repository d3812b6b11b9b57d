using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.Journey;
using Microsoft.AspNetCore.Mvc;

namespace IcsComplaints.Portal.Web.Pages.Complain;

/// <summary>Reg 7(3): whether the ICB may share the complaint with the organisation it is about.</summary>
public sealed class ShareModel(PublicApis apis) : QuestionPage(apis)
{
    protected override string PageName => JourneyFlow.Share;

    [BindProperty]
    public string? Answer { get; set; }


    public void OnGet()
    {
        Answer = Draft.ShareWithProviderConsent;
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Draft.ShareWithProviderConsent = Answer;
        return SaveAndContinueAsync([("shareWithProviderConsent", "answer")], ct);
    }
}
