using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.Journey;
using Microsoft.AspNetCore.Mvc;

namespace IcsComplaints.Portal.Web.Pages.Complain;

/// <summary>What the complaint is about, in the person's own words.</summary>
public sealed class WhatHappenedModel(PublicApis apis) : QuestionPage(apis)
{
    protected override string PageName => JourneyFlow.WhatHappened;

    [BindProperty]
    public string? Description { get; set; }


    public void OnGet()
    {
        Description = Draft.Description;
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Draft.Description = Description;
        return SaveAndContinueAsync([("description", "description")], ct);
    }
}
