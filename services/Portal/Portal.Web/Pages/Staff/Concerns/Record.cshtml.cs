using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.Journey;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Staff.Concerns;

/// <summary>
/// Records a concern: how and when it was raised, and either the day it was resolved or, while it is open, the day the
/// team will follow it up. Whether the dates fit is intake's rule; its messages are shown beside the fields.
/// </summary>
public sealed class RecordModel(ConcernApis apis) : PageModel
{
    // Intake's field names against this page's inputs, in the page's order.
    private static readonly IReadOnlyList<(string ApiField, string InputId)> Fields =
        [("kind", "kind"), ("channel", "channel"), ("receivedOn", "received-on"), ("resolvedOn", "resolved-on"), ("followUpOn", "follow-up-on"),
         ("domain", "domain"), ("summary", "summary")];

    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? Channel { get; set; }
    [BindProperty] public DateParts ReceivedOn { get; set; } = new();
    [BindProperty] public DateParts ResolvedOn { get; set; } = new();
    [BindProperty] public DateParts FollowUpOn { get; set; } = new();
    [BindProperty] public string? Domain { get; set; }
    [BindProperty] public string? Summary { get; set; }

    public FormErrors Errors { get; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var recorded = await apis.RecordAsync(new ConcernRequest
        {
            Kind = Kind,
            Channel = Channel,
            ReceivedOn = ReceivedOn.ToIso(),
            ResolvedOn = ResolvedOn.ToIso(),
            FollowUpOn = FollowUpOn.ToIso(),
            Domain = string.IsNullOrWhiteSpace(Domain) ? null : Domain,
            Summary = Summary,
        }, ct);
        if (recorded.Refused)
        {
            return Forbid();
        }
        if (recorded.Problem is { } problem)
        {
            Errors.AddFrom(problem, Fields);
            if (!Errors.Any)
            {
                Errors.AddAllTo("kind", problem, "The concern could not be recorded. Try again.");
            }
            return Page();
        }
        return Redirect($"/staff/concerns/{recorded.Value!.Id}");
    }
}
