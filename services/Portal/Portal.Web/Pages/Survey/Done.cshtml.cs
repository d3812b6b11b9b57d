using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Survey;

/// <summary>The survey has gone; nothing of it is kept in the session.</summary>
public sealed class DoneModel : PageModel
{
    public void OnGet()
    {
    }
}
