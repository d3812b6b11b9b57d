using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages;

public sealed class SignInFailedModel : PageModel
{
    public void OnGet()
    {
    }
}
