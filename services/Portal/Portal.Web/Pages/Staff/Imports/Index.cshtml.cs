using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.Journey;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Staff.Imports;

/// <summary>
/// Uploads a CSV of complaints to intake's import (a plain multipart form, so it works without JavaScript), then
/// shows its progress. The columns and the rules for each row are intake's.
/// </summary>
// Intake takes files up to 5 MB; the portal's (and the gateway's) usual 256 KB body limit would refuse them first.
[RequestSizeLimit(IndexModel.UploadLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = IndexModel.UploadLimit)]
public sealed class IndexModel(IntakeStaffApis apis) : PageModel
{
    internal const long UploadLimit = 6 * 1024 * 1024;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public FormErrors Errors { get; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0)
        {
            Errors.Add("file", "Select a CSV file to import");
            return Page();
        }
        await using var content = Upload.OpenReadStream();
        var started = await apis.StartImportAsync(content, Path.GetFileName(Upload.FileName), ct);
        if (started.Value is { } import)
        {
            return Redirect($"/staff/imports/{import.Id}");
        }
        Errors.AddAllTo("file", started.Problem!, "The file could not be imported. Try again.");
        return Page();
    }
}
