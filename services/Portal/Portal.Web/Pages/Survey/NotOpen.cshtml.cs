using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Survey;

/// <summary>A survey link unknown, used or expired, or no link opened in this session: said plainly, telling nothing of any complaint.</summary>
public sealed class NotOpenModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status404NotFound;
}
