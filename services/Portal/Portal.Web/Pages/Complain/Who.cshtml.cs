using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.Journey;
using Microsoft.AspNetCore.Mvc;

namespace IcsComplaints.Portal.Web.Pages.Complain;

/// <summary>Reg 5: whether the person complains about their own care, care that affected them, or for someone else.</summary>
public sealed class WhoModel(PublicApis apis) : QuestionPage(apis)
{
    protected override string PageName => JourneyFlow.Who;

    [BindProperty]
    public string? Answer { get; set; }


    public void OnGet()
    {
        Answer = Draft.ComplainantType;
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Answer is null)
        {
            Errors.Add("answer", "Select who the complaint is about");
            return Task.FromResult<IActionResult>(Page());
        }
        Draft.ComplainantType = Answer;
        return SaveAndContinueAsync([("complainant.type", "answer")], ct);
    }
}
