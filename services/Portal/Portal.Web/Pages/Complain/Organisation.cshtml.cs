using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.Journey;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace IcsComplaints.Portal.Web.Pages.Complain;

/// <summary>
/// Which organisation the complaint is to: found by name or postcode in the directory, or "I do not know", which
/// sends it to the ICB that runs this service (it passes complaints on to the provider, with consent: Reg 7).
/// </summary>
public sealed class OrganisationModel(PublicApis apis, IOptions<PortalSettings> settings) : QuestionPage(apis)
{
    public const string DoNotKnow = "unknown";

    protected override string PageName => JourneyFlow.Organisation;

    [BindProperty]
    public string? Search { get; set; }

    [BindProperty]
    public string? Chosen { get; set; }

    public IReadOnlyList<Organisation> Results { get; private set; } = [];

    public bool Searched { get; private set; }

    public void OnGet() => Chosen = Draft.OrganisationUnknown ? DoNotKnow : Draft.OrganisationCode;

    /// <summary>Searches by name, or by postcode when what was typed reads as one.</summary>
    public async Task<IActionResult> OnPostSearchAsync(CancellationToken ct)
    {
        Searched = true;
        if (string.IsNullOrWhiteSpace(Search))
        {
            Errors.Add("search", "Enter the name of the hospital, practice or service, or a postcode");
            return Page();
        }
        var byPostcode = LooksLikePostcode(Search);
        var found = await Apis.FindOrganisationsAsync(byPostcode ? null : Search, byPostcode ? Search : null, ct);
        if (found.Problem is { } problem)
        {
            Errors.AddFrom(problem, [("postcode", "search"), ("q", "search")]);
            if (!Errors.Any)
            {
                Errors.Add("search", problem.Detail ?? problem.Title ?? "The search did not work. Try again.");
            }
            return Page();
        }
        Results = found.Value?.Items ?? [];
        return Page();
    }

    /// <summary>Takes the chosen organisation.</summary>
    public async Task<IActionResult> OnPostChooseAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Chosen))
        {
            Errors.Add("search", "Search for the organisation and choose it, or choose \"I do not know\"");
            return Page();
        }
        var unknown = Chosen == DoNotKnow;
        var code = unknown ? settings.Value.IcbOdsCode : Chosen;
        var organisation = await Apis.OrganisationAsync(code, ct);
        if (organisation.Value is not { } chosen)
        {
            Errors.Add("search", "That organisation is not in the directory. Search again.");
            return Page();
        }
        Draft.OrganisationCode = chosen.OdsCode;
        Draft.OrganisationName = chosen.Name;
        Draft.OrganisationUnknown = unknown;
        Draft.OrganisationIsIcb = string.Equals(chosen.Type, "ICB", StringComparison.OrdinalIgnoreCase);
        return await SaveAndContinueAsync([("organisationCode", "search")], ct);
    }

    // A UK postcode has a digit in its first part and ends digit-letter-letter; names of NHS organisations do not.
    private static bool LooksLikePostcode(string text) =>
        System.Text.RegularExpressions.Regex.IsMatch(text.Trim(), "^[A-Za-z]{1,2}[0-9][A-Za-z0-9]?( ?[0-9][A-Za-z]{2})?$");
}
