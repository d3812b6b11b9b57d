using IcsComplaints.Portal.Web.SignIn;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Staff;

/// <summary>Where a member of staff or an advocate lands: who they are signed in as, and what they can do from here.</summary>
public sealed class IndexModel : PageModel
{
    public IReadOnlyList<string> Roles { get; private set; } = [];

    public string? Organisation { get; private set; }

    public IActionResult OnGet()
    {
        if (PortalUser.IsComplainant(User))
        {
            return Redirect(PortalUser.HomePage(User));
        }
        Roles = PortalUser.RolesOf(User);
        Organisation = PortalUser.Organisation(User);
        return Page();
    }
}
