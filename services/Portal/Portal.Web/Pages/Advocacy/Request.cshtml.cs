using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.Journey;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Advocacy;

/// <summary>
/// A complainant asks for an independent advocate for a complaint they made, with its reference and progress code and
/// no account: the consent is their own, and they choose whether the advocate may also read drafts of the response.
/// </summary>
public sealed class RequestModel(PublicApis apis) : PageModel
{
    [BindProperty]
    public string? Reference { get; set; }

    [BindProperty]
    public string? Secret { get; set; }

    [BindProperty]
    public string? Postcode { get; set; }

    [BindProperty]
    public List<string> Scope { get; set; } = [];

    public FormErrors Errors { get; } = new();

    public SelfReferral? Referral { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Errors.RequireReferenceAndCode(Reference, Secret);
        if (Errors.Any)
        {
            return Page();
        }
        var asked = await apis.RequestAdvocacyAsync(new SelfReferralRequest(Reference!.Trim(), string.IsNullOrWhiteSpace(Postcode) ? null : Postcode.Trim(), ViewCase: true, ReviewDrafts: Scope.Contains("drafts")), Secret!, ct);
        if (asked.Value is { } referral)
        {
            Referral = referral;
            return Page();
        }
        var problem = asked.Problem!;
        if (problem.Status == 404)
        {
            Errors.NoComplaintMatches();
        }
        else
        {
            Errors.AddFrom(problem, [("reference", "reference"), ("postcode", "postcode"), ("localAuthorityCode", "postcode"), ("advocacyServiceCode", "postcode")]);
            if (!Errors.Any)
            {
                Errors.Add("reference", problem.Detail ?? problem.Title ?? "Your request could not be sent. Try again.");
            }
        }
        return Page();
    }
}
