using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages;

public sealed class AccessibilityModel : PageModel
{
    public void OnGet()
    {
    }
}
