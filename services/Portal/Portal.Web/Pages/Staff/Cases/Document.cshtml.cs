using IcsComplaints.Portal.Web.Clients;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Staff.Cases;

/// <summary>
/// A file on a case, or a letter sent about it, passed on as a download and never shown in the page; a file still
/// being checked for viruses, or found to carry one, is explained instead.
/// </summary>
public sealed class DocumentModel(CaseApis apis) : PageModel
{
    [FromRoute]
    public Guid CaseId { get; set; }

    /// <summary>Why the file cannot be opened, when it cannot.</summary>
    public string? Unavailable { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? documentId, Guid? messageId, CancellationToken ct)
    {
        var file = documentId is { } id ? await apis.DocumentContentAsync(CaseId, id, ct)
            : messageId is { } message ? await apis.LetterCopyAsync(CaseId, message, ct)
            : null;
        if (file is null || file.NotFound)
        {
            return NotFound();
        }
        if (file.Problem is { } problem)
        {
            Unavailable = problem.Detail ?? problem.Title;
            return Page();
        }
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(file.Value.Content, file.Value.ContentType, file.Value.FileName ?? "document");
    }
}
