using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.Journey;
using IcsComplaints.Portal.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages;

/// <summary>
/// A complainant sends a photo, letter or record to their complaint with its reference and progress code, without an
/// account (a form post: neither goes in a URL). They are told at once whether the file was accepted, and see every
/// file they have sent.
/// </summary>
[RequestSizeLimit(DocumentWords.UploadLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = DocumentWords.UploadLimit)]
public sealed class SendDocumentsModel(PublicApis apis) : PageModel
{
    [BindProperty]
    public string? Reference { get; set; }

    [BindProperty]
    public string? Secret { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public FormErrors Errors { get; } = new();

    /// <summary>The file just sent, as the platform received it.</summary>
    public CaseDocument? Sent { get; private set; }

    /// <summary>Every file sent to the complaint so far.</summary>
    public IReadOnlyList<CaseDocument> AllSent { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Reference))
        {
            Errors.Add("reference", "Enter your complaint reference");
        }
        if (string.IsNullOrWhiteSpace(Secret))
        {
            Errors.Add("secret", "Enter your progress code");
        }
        if (Upload is null)
        {
            Errors.Add("file", "Choose the file to send");
        }
        if (Errors.Any)
        {
            return Page();
        }
        await using var content = Upload!.OpenReadStream();
        var sent = await apis.SendDocumentAsync(Reference!, Secret!, content, Path.GetFileName(Upload.FileName), ct);
        if (sent.Value is { } document)
        {
            Sent = document;
            AllSent = (await apis.SentDocumentsAsync(Reference!, Secret!, ct)).Value?.Items ?? [document];
            return Page();
        }
        if (sent.NotFound)
        {
            Errors.Add("reference", "No complaint matches this reference and progress code. Check both and try again.");
        }
        else
        {
            DocumentWords.Refused(Errors, sent.Problem!);
        }
        return Page();
    }
}
