using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Staff.Record;

/// <summary>The reference of the complaint just recorded.</summary>
public sealed class DoneModel : PageModel
{
    public string? Reference { get; private set; }

    public IActionResult OnGet()
    {
        Reference = CheckModel.TakeRecorded(HttpContext.Session);
        return Reference is null ? Redirect("/staff/record") : Page();
    }
}
