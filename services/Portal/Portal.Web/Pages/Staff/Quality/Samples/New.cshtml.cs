using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.Journey;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Staff.Quality.Samples;

/// <summary>The quality lead draws a random calibration sample; learning chooses the complaints and says who may.</summary>
public sealed class NewModel(LearningApis apis) : PageModel
{
    [BindProperty]
    public string? Size { get; set; }

    public FormErrors Errors { get; } = new();

    public IReadOnlyList<SecondCodingItem>? Drawn { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!int.TryParse(Size, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var size))
        {
            // Not a number at all: the API can only be asked for a whole number, so say so here.
            Errors.Add("size", "Enter the number of complaints as a whole number, like 20");
            return Page();
        }
        var drawn = await apis.DrawSampleAsync(size, null, null, ct);
        if (drawn.Problem is { } problem)
        {
            Errors.AddFrom(problem, [("size", "size"), ("from", "size"), ("to", "size")]);
            if (!Errors.Any)
            {
                Errors.Add("size", problem.Detail ?? problem.Title ?? "The sample could not be drawn. Try again.");
            }
            return Page();
        }
        Drawn = drawn.Value?.Items ?? [];
        return Page();
    }
}
