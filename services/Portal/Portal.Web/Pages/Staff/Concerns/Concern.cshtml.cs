using IcsComplaints.Calendar;
using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.Pages.Staff.Record;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Staff.Concerns;

/// <summary>
/// One concern of the organisation; while it is open, the way to record how it was resolved, or to make it a
/// complaint through the staff complaint journey, which then keeps the concern's date and channel.
/// </summary>
public sealed class ConcernModel(ConcernApis apis, TimeProvider time) : PageModel
{
    public Concern? Concern { get; private set; }

    /// <summary>Today in England, to mark a follow-up day that has passed.</summary>
    public DateOnly Today { get; private set; }

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
        Today = LondonTime.Today(time);
        return Page();
    }

    /// <summary>Starts a complaint from the concern: the recording journey begins afresh with its date and channel fixed.</summary>
    public async Task<IActionResult> OnPostComplaintAsync(Guid id, CancellationToken ct)
    {
        var found = await apis.GetAsync(id, ct);
        if (found.Refused)
        {
            return Forbid();
        }
        if (found.Value is not { } concern)
        {
            return NotFound();
        }
        if (!concern.IsOpen)
        {
            // Intake would refuse it; the page shows why (resolved, or already a complaint) instead.
            return Redirect($"/staff/concerns/{id}");
        }
        RecordDraft.Save(HttpContext.Session, RecordDraft.FromConcern(concern));
        return Redirect("/staff/record/complainant");
    }
}
