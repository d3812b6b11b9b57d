using IcsComplaints.Portal.Web.Clients;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Staff.Cases;

/// <summary>
/// The final response letter as the case service renders it, passed through with the service's own
/// Content-Security-Policy (the letter carries its own styles), so the browser never needs the API's token.
/// </summary>
public sealed class LetterModel(CaseApis apis) : PageModel
{
    [FromRoute]
    public Guid CaseId { get; set; }

    /// <summary>html (default), large-print or text.</summary>
    [FromQuery(Name = "format")]
    public string? Format { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Format is not (null or "html" or "large-print" or "text") || await apis.LetterAsync(CaseId, Format, ct) is not { } letter)
        {
            return NotFound();
        }
        if (letter.ContentSecurityPolicy is { } policy)
        {
            Response.Headers.ContentSecurityPolicy = policy;
        }
        return Content(letter.Body, letter.ContentType);
    }
}
