using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.Journey;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Complain;

/// <summary>The reference and, once only, the secret that shows the complaint's progress.</summary>
public sealed class ConfirmationModel : PageModel
{
    public SubmittedComplaint? Submitted { get; private set; }

    public IActionResult OnGet()
    {
        Submitted = DraftStore.TakeSubmitted(HttpContext.Session);
        return Submitted is null ? RedirectToPage("/Status") : Page();
    }
}
