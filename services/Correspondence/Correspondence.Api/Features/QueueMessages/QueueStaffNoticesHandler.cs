using System.Globalization;
using IcsComplaints.Correspondence.Api.Data;
using IcsComplaints.Correspondence.Domain.Cases;
using IcsComplaints.Correspondence.Domain.Messages;

namespace IcsComplaints.Correspondence.Api.Features.QueueMessages;

/// <summary>
/// Queues what the staff complained about are owed (NHS Complaint Standards: staff are told early, offered support,
/// and shown the final response): the notice that a complaint mentions them, once, when the case first holds a work
/// address for them; and the final response when it is sent. One message per event, template and member of staff,
/// in the consumer's transaction, as <see cref="QueueMessagesHandler"/> does.
/// </summary>
public sealed class QueueStaffNoticesHandler(MessageStore store, StaffStore staff, TimeProvider clock)
{
    /// <summary>A member of staff's record changed: they are told of the complaint if a work address is now held for the first time.</summary>
    public async Task StaffRecordedAsync(CaseEvent raised, long staffId, bool hasWorkEmail, DateOnly recordedOn, CancellationToken ct)
    {
        var known = await staff.FindAsync(raised.CaseId, staffId, ct);
        if (known is null)
        {
            known = StaffToTell.Announced(raised.CaseId, staffId);
            staff.Add(known);
        }
        if (known.Recorded(hasWorkEmail))
        {
            // Keyed on the case rather than the announcement: two announcements handled at the same moment, each
            // finding them not yet told, queue the same message, and the second is refused by its unique key.
            await QueueAsync(raised with { EventId = raised.CaseId }, MessageTemplates.StaffToldOfComplaint, staffId,
                new Dictionary<string, string> { [StaffFacts.RecordedOn] = Iso(recordedOn) }, ct);
        }
    }

    /// <summary>The final response was sent: each member of staff with a work address is sent it.</summary>
    public async Task FinalResponseSentAsync(CaseEvent raised, DateOnly sentOn, CancellationToken ct)
    {
        foreach (var member in await staff.WithWorkEmailAsync(raised.CaseId, ct))
        {
            await QueueAsync(raised, MessageTemplates.FinalResponseForStaff, member.StaffId, new Dictionary<string, string> { [StaffFacts.SentOn] = Iso(sentOn) }, ct);
        }
    }

    private Task QueueAsync(CaseEvent raised, string template, long staffId, Dictionary<string, string> facts, CancellationToken ct) =>
        store.QueueAsync(SentMessage.Queue(
            raised.EventId, template, RecipientRole.StaffComplainedAbout, staffId.ToString(CultureInfo.InvariantCulture), raised.CaseId, raised.ComplaintId,
            raised.OrganisationCode, facts, clock.GetUtcNow(), null), ct);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>The names under which notices to staff keep the event's facts.</summary>
public static class StaffFacts
{
    /// <summary>The day the member of staff was recorded with a work address.</summary>
    public const string RecordedOn = "recordedOn";

    /// <summary>The day the final response was sent.</summary>
    public const string SentOn = "sentOn";
}
