using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.Journey;
using IcsComplaints.Portal.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Staff.Cases;

/// <summary>
/// Adds a file to a case (a plain multipart form, so it works without JavaScript): meeting notes, statements,
/// records, a letter received. The case service decides what it is, names it safely and scans it for viruses.
/// </summary>
[RequestSizeLimit(DocumentWords.UploadLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = DocumentWords.UploadLimit)]
public sealed class AddDocumentModel(CaseApis apis) : PageModel
{
    [FromRoute]
    public Guid CaseId { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public FormErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        (await apis.DocumentsAsync(CaseId, ct)).Value is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Upload is null)
        {
            Errors.Add("file", "Choose the file to add");
            return Page();
        }
        await using var content = Upload.OpenReadStream();
        var added = await apis.AddDocumentAsync(CaseId, content, Path.GetFileName(Upload.FileName), ct);
        if (added.Value is { } document)
        {
            var done = document.Scan switch { "Quarantined" => "document-quarantined", "Pending" => "document-waiting", _ => "document-added" };
            return Redirect($"/staff/cases/{CaseId}?done={done}#documents-heading");
        }
        if (added.NotFound)
        {
            return NotFound();
        }
        DocumentWords.Refused(Errors, added.Problem!);
        return Page();
    }
}
