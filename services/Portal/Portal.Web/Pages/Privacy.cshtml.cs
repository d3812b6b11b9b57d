using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages;

public sealed class PrivacyModel : PageModel
{
    public void OnGet()
    {
    }
}
