using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.Journey;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages;

/// <summary>
/// The free independent advocacy service for where the person lives, from the advocacy directory (each local
/// authority commissions one: Health and Social Care Act 2012 s.185). The postcode is posted, never put in a URL.
/// </summary>
public sealed class AdvocacyServiceModel(PublicApis apis) : PageModel
{
    [BindProperty]
    public string? Postcode { get; set; }

    public FormErrors Errors { get; } = new();

    public AdvocacyService? Found { get; private set; }

    public bool NoneFound { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Postcode))
        {
            Errors.Add("postcode", "Enter your postcode");
            return Page();
        }
        var found = await apis.AdvocacyServiceForAsync(Postcode, ct);
        if (found.Value is { } service)
        {
            Found = service;
        }
        else if (found.NotFound)
        {
            NoneFound = true;
        }
        else
        {
            Errors.AddFrom(found.Problem!, [("postcode", "postcode"), ("localAuthority", "postcode")]);
            if (!Errors.Any)
            {
                Errors.Add("postcode", found.Problem!.Detail ?? "The search did not work. Try again.");
            }
        }
        return Page();
    }
}
