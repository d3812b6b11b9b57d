using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages;

public sealed class CookiesModel : PageModel
{
    public void OnGet()
    {
    }
}
