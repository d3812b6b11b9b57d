using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.Journey;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Staff.Quality.Responses;

/// <summary>Draws a random sample of the letters sent in a period (by default the last three months) for the quality lead to read.</summary>
public sealed class SampleModel(ResponseReviewApis apis) : PageModel
{
    private static readonly IReadOnlyList<(string ApiField, string InputId)> Fields = [("size", "size"), ("from", "from"), ("to", "to")];

    [BindProperty] public string? Size { get; set; }
    [BindProperty] public DateParts From { get; set; } = new();
    [BindProperty] public DateParts To { get; set; } = new();

    public FormErrors Errors { get; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!int.TryParse(Size?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var size))
        {
            Errors.Add("size", "Enter how many letters to read, as a number from 1 to 50.");
            return Page();
        }
        var drawn = await apis.DrawAsync(From.ToIso(), To.ToIso(), size, ct);
        if (drawn.Refused)
        {
            return Forbid();
        }
        if (drawn.Problem is { } problem)
        {
            Errors.AddFrom(problem, Fields);
            if (!Errors.Any)
            {
                Errors.AddAllTo("size", problem, "The sample could not be drawn. Try again.");
            }
            return Page();
        }
        return Redirect("/staff/quality/responses");
    }
}
