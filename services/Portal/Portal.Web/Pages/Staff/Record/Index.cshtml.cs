using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.Journey;
using Microsoft.AspNetCore.Mvc;

namespace IcsComplaints.Portal.Web.Pages.Staff.Record;

/// <summary>How and when the complaint arrived (Reg 13: a spoken complaint is written down and counts from the day it was made).</summary>
public sealed class IndexModel(IntakeStaffApis apis) : RecordPage(apis)
{
    [BindProperty]
    public string? Channel { get; set; }

    [BindProperty]
    public DateParts ReceivedOn { get; set; } = new();

    [BindProperty]
    public DateParts WrittenRecordSentOn { get; set; } = new();

    public void OnGet()
    {
        Channel = Draft.Channel;
        ReceivedOn = Draft.ReceivedOn;
        WrittenRecordSentOn = Draft.WrittenRecordSentOn;
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Draft.WrittenRecordSentOn = WrittenRecordSentOn;
        if (Draft.FromConcernId is not null)
        {
            // A complaint made from a concern keeps the concern's channel and day; only the written record is asked.
            return SaveAndContinueAsync([("writtenRecordSentOn", "written-record"), ("channel", "written-record"), ("receivedOn", "written-record")], "/staff/record/complainant", ct);
        }
        Draft.Channel = Channel;
        Draft.ReceivedOn = ReceivedOn;
        if (Channel is null)
        {
            // Intake takes a missing channel as the caller's default, so the choice is checked here.
            Errors.Add("channel", "Select how the complaint was made");
            return Task.FromResult<IActionResult>(Page());
        }
        return SaveAndContinueAsync([("channel", "channel"), ("receivedOn", "received-on"), ("writtenRecordSentOn", "written-record")], "/staff/record/complainant", ct);
    }

    /// <summary>Leaves the complaint being made from a concern (the concern stays open) and starts a new one.</summary>
    public IActionResult OnPostStartAgain()
    {
        RecordDraft.Clear(HttpContext.Session);
        return Redirect("/staff/record");
    }
}
