using IcsComplaints.Intake.Domain.Complaints;
using IcsComplaints.Intake.Domain.Concerns;
using IcsComplaints.Validation;

namespace IcsComplaints.Intake.Domain.Rules;

/// <summary>
/// An open concern the person is not satisfied with becomes a complaint ("no issue is too small to be a complaint",
/// domain.md §1.3) that keeps the day it was first raised and the way it was raised: the person raised the matter
/// then, so its time limit (Reg 12) is judged from that day, its deadlines count from it, and the figures place it in
/// that month. It is made a complaint once, and then counted as that complaint only, never also as a concern.
/// </summary>
public static class ConcernBecomingComplaint
{
    /// <summary>The field of a submission that names the concern.</summary>
    public const string Field = "fromConcernId";

    /// <summary>
    /// Checks that <paramref name="concern"/> (the caller's organisation's, or none) can become a complaint with the
    /// given date received and channel, and answers the date and channel the complaint keeps.
    /// </summary>
    public static (DateOnly ReceivedOn, ComplaintChannel Channel) Carry(FieldReader fields, InformalConcern? concern, string? receivedOn, string? channel)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (concern is null)
        {
            fields.Add(Field, "No concern of your organisation has this identifier.");
            return default;
        }
        // One that already became a complaint is not refused here: a retry of the request that made it one is answered
        // from its Idempotency-Key as the first was, and any other is refused by the unique index when it is saved.
        if (concern.Status == ConcernStatus.Resolved)
        {
            fields.Add(Field, $"This concern was resolved on {concern.ResolvedOn:yyyy-MM-dd}: record a new complaint, received on the day it is made.");
        }
        if (!string.IsNullOrWhiteSpace(receivedOn) && receivedOn.Trim() != concern.ReceivedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
        {
            fields.Add("receivedOn", $"A complaint made from a concern keeps the day the concern was raised, {concern.ReceivedOn:yyyy-MM-dd}: leave the date received out.");
        }
        if (!string.IsNullOrWhiteSpace(channel) && !channel.Trim().Equals(concern.Channel.ToString(), StringComparison.OrdinalIgnoreCase))
        {
            fields.Add("channel", $"A complaint made from a concern keeps the way the concern was raised, {concern.Channel}: leave the channel out.");
        }
        return (concern.ReceivedOn, concern.Channel);
    }
}
