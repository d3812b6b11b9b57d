using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.Journey;
using Microsoft.AspNetCore.Mvc;

namespace IcsComplaints.Portal.Web.Pages.Complain;

/// <summary>Reg 5(2): why a representative complains for the person.</summary>
public sealed class BasisModel(PublicApis apis) : QuestionPage(apis)
{
    protected override string PageName => JourneyFlow.Basis;

    [BindProperty]
    public string? Answer { get; set; }


    public void OnGet()
    {
        Answer = Draft.RepresentationBasis;
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Draft.RepresentationBasis = Answer;
        return SaveAndContinueAsync([("representation.basis", "answer"), ("representation", "answer")], ct);
    }
}
