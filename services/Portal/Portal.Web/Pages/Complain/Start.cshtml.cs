using IcsComplaints.Portal.Web.Journey;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Complain;

/// <summary>Starts a new complaint, or carries on with the one in progress in this session.</summary>
public sealed class StartModel : PageModel
{
    public IActionResult OnGet()
    {
        if (!DraftStore.Exists(HttpContext.Session))
        {
            DraftStore.Save(HttpContext.Session, new ComplaintDraft());
        }
        return RedirectToPage(JourneyFlow.Organisation);
    }
}
