using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages;

public sealed class SignedOutModel : PageModel
{
    /// <summary>True when the session ended for want of activity.</summary>
    public bool Idle { get; private set; }

    /// <summary>
    /// Ends the portal's session here too: the timeout warning sends the browser to this page when time runs out,
    /// and the session must not outlive the page that says it has ended.
    /// </summary>
    public async Task OnGetAsync(string? reason)
    {
        Idle = reason == "idle";
        await Microsoft.AspNetCore.Authentication.AuthenticationHttpContextExtensions.SignOutAsync(HttpContext, IcsComplaints.Portal.Web.SignIn.PortalSignIn.CookieScheme);
    }
}
