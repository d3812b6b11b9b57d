using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.Journey;
using Microsoft.AspNetCore.Mvc;

namespace IcsComplaints.Portal.Web.Pages.Complain;

/// <summary>The complainant's name.</summary>
public sealed class YourNameModel(PublicApis apis) : QuestionPage(apis)
{
    protected override string PageName => JourneyFlow.YourName;

    [BindProperty]
    public string? Name { get; set; }


    public void OnGet()
    {
        Name = Draft.Name;
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Draft.Name = Name;
        return SaveAndContinueAsync([("complainant.name", "name")], ct);
    }
}
