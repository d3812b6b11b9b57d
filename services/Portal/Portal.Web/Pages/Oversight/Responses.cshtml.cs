using IcsComplaints.Portal.Web.Clients;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Oversight;

/// <summary>
/// How the final responses each commissioned provider's quality lead read in the last twelve months did, on average
/// and criterion by criterion; counts only, never a comment or a letter.
/// </summary>
public sealed class ResponsesModel(ResponseReviewApis apis) : PageModel
{
    public IReadOnlyList<ResponseQualityView> Providers { get; private set; } = [];

    public IReadOnlyList<ResponseCriterion> Criteria { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var providers = await apis.ProvidersAsync(ct);
        var criteria = await apis.CriteriaAsync(ct);
        if (providers.Refused || criteria.Refused)
        {
            return Forbid();
        }
        Providers = providers.Value?.Items ?? [];
        Criteria = criteria.Value?.Items ?? [];
        return Page();
    }
}
