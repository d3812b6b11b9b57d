using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.Journey;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Staff.Concerns;

/// <summary>Records how an open concern was put right, and on which day (today unless given).</summary>
public sealed class ResolutionModel(ConcernApis apis) : PageModel
{
    private static readonly IReadOnlyList<(string ApiField, string InputId)> Fields = [("resolvedOn", "resolved-on"), ("resolution", "resolution")];

    public Concern? Concern { get; private set; }

    [BindProperty] public DateParts ResolvedOn { get; set; } = new();
    [BindProperty] public string? Resolution { get; set; }

    public FormErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var found = await apis.GetAsync(id, ct);
        if (found.Refused)
        {
            return Forbid();
        }
        if (found.Value is null)
        {
            return NotFound();
        }
        Concern = found.Value;
        return Concern.IsOpen ? Page() : Redirect($"/staff/concerns/{id}");
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var resolved = await apis.ResolveAsync(id, ResolvedOn.ToIso(), Resolution, ct);
        if (resolved.Refused)
        {
            return Forbid();
        }
        if (resolved.NotFound)
        {
            return NotFound();
        }
        if (resolved.Problem is { } problem)
        {
            Errors.AddFrom(problem, Fields);
            if (!Errors.Any)
            {
                Errors.AddAllTo("resolution", problem, "The resolution could not be recorded. Try again.");
            }
            Concern = (await apis.GetAsync(id, ct)).Value;
            return Concern is null ? NotFound() : Page();
        }
        return Redirect($"/staff/concerns/{id}");
    }
}
