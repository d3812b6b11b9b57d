using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.Journey;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Survey;

/// <summary>
/// The address in the complainant's letter or e-mail. It opens the survey once, keeps the code in the session and
/// moves on to an address without it (ADR 34), so the code is not left in the browser's address bar or history.
/// </summary>
public sealed class LinkModel(PublicApis apis) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var opened = await apis.SurveyByLinkAsync(code, ct);
        if (opened.Value is not { } survey)
        {
            SurveyStore.Clear(HttpContext.Session);
            return RedirectToPage("/Survey/NotOpen");
        }
        SurveyStore.Save(HttpContext.Session, new SurveyInProgress { Code = code, Survey = survey });
        return RedirectToPage("/Survey/Start");
    }
}
