using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.SignIn;
using Microsoft.AspNetCore.Mvc;

namespace IcsComplaints.Portal.Web.Pages.Staff.Record;

/// <summary>
/// The answers for a last look, then the complaint recorded for the user's organisation with the draft's idempotency
/// key, so pressing the button twice records it once.
/// </summary>
public sealed class CheckModel(IntakeStaffApis apis) : RecordPage(apis)
{
    private const string RecordedKey = "staff-record-recorded";

    /// <summary>The channel in words.</summary>
    public string ChannelName => ConcernWords.Channel(Draft.Channel);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var recorded = await Apis.RecordAsync(Draft.ToRequest(PortalUser.Organisation(User)), Draft.IdempotencyKey, ct);
        if (recorded.Problem is { } problem)
        {
            // Each question was checked on its page; what remains is shown here with intake's own words.
            foreach (var message in problem.Errors.SelectMany(e => e.Value).Distinct())
            {
                Errors.Add("record", message);
            }
            if (!Errors.Any)
            {
                Errors.Add("record", problem.Detail ?? problem.Title ?? "The complaint could not be recorded. Try again.");
            }
            return Page();
        }
        RecordDraft.Clear(HttpContext.Session);
        HttpContext.Session.SetString(RecordedKey, recorded.Value!.Reference);
        return Redirect("/staff/record/done");
    }

    /// <summary>The reference of the complaint just recorded, shown once.</summary>
    public static string? TakeRecorded(ISession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var reference = session.GetString(RecordedKey);
        session.Remove(RecordedKey);
        return reference;
    }
}
