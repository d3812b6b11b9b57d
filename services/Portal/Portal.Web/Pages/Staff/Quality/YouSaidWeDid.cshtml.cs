using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.SignIn;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Staff.Quality;

/// <summary>The "you said, we did" summaries the user's organisation has published (the public list, for its own code).</summary>
public sealed class YouSaidWeDidModel(LearningApis apis) : PageModel
{
    public IReadOnlyList<YouSaidWeDid> Summaries { get; private set; } = [];

    /// <summary>"2026-11" as "November 2026".</summary>
    public string Month(string month) =>
        DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var first)
            ? first.ToString("MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))
            : month;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (PortalUser.Organisation(User) is not { } organisation)
        {
            return Forbid();
        }
        Summaries = (await apis.YouSaidWeDidAsync(organisation, ct)).Value?.Items ?? [];
        return Page();
    }
}
