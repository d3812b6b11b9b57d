using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages;

public sealed class AccessDeniedModel : PageModel
{
    public void OnGet()
    {
    }
}
