using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.Journey;
using Microsoft.AspNetCore.Mvc;

namespace IcsComplaints.Portal.Web.Pages.Complain;

/// <summary>Reg 12: when the matter came to the person's notice, which starts the 12 months when it is later.</summary>
public sealed class WhenFoundOutModel(PublicApis apis) : QuestionPage(apis)
{
    protected override string PageName => JourneyFlow.WhenFoundOut;

    [BindProperty]
    public string? Answer { get; set; }

    [BindProperty]
    public DateParts AwareDate { get; set; } = new();


    public void OnGet()
    {
        Answer = Draft.FoundOut;
        AwareDate = Draft.AwareDate;
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Answer is null)
        {
            Errors.Add("answer", "Select when you found out about it");
            return Task.FromResult<IActionResult>(Page());
        }
        Draft.FoundOut = Answer;
        Draft.AwareDate = Answer == "Later" ? AwareDate : new DateParts();
        return SaveAndContinueAsync([("awareDate", "aware-date")], ct);
    }
}
