using System.Globalization;
using IcsComplaints.Correspondence.Api.Data;
using IcsComplaints.Correspondence.Domain.Complaints;
using IcsComplaints.Correspondence.Domain.Messages;
using IcsComplaints.Correspondence.Domain.Rules;

namespace IcsComplaints.Correspondence.Api.Features.QueueMessages;

/// <summary>What intake announced of a complaint's arrival that its messages need: identifiers, codes and dates, never a person's details or the complaint's text.</summary>
/// <param name="EventId">The event's message id, which keys the messages it makes due.</param>
/// <param name="ComplaintId">The complaint.</param>
/// <param name="Reference">Its reference.</param>
/// <param name="OrganisationCode">The organisation it was made to.</param>
/// <param name="HandlingOrganisationCode">The organisation handling it, on whose behalf its messages are sent.</param>
/// <param name="AboutOrganisationCodes">The providers it is about, when not (only) the organisation it was made to.</param>
/// <param name="Channel">How it was made, by the name of intake's <c>ComplaintChannel</c>.</param>
/// <param name="Route">How it was routed, by the name of intake's <c>ComplaintRoute</c>.</param>
/// <param name="Imported">Imported from an earlier system rather than received now.</param>
/// <param name="ReceivedOn">When it was received.</param>
public sealed record ComplaintArrival(
    Guid EventId, Guid ComplaintId, string Reference, string OrganisationCode, string HandlingOrganisationCode,
    IReadOnlyList<string> AboutOrganisationCodes, string Channel, string Route, bool Imported, DateOnly ReceivedOn);

/// <summary>What intake announced of a transfer (Reg 6(6), 7(5)).</summary>
/// <param name="EventId">The event's message id.</param>
/// <param name="ComplaintId">The complaint.</param>
/// <param name="Reference">Its reference, the same at the new organisation.</param>
/// <param name="FromOrganisationCode">The organisation that had it, which tells the complainant.</param>
/// <param name="ToOrganisationCode">The organisation handling it now.</param>
/// <param name="ReceivedOn">The original day received, which stands.</param>
/// <param name="TransferredOn">The day of the transfer.</param>
public sealed record ComplaintTransfer(
    Guid EventId, Guid ComplaintId, string Reference, string FromOrganisationCode, string ToOrganisationCode, DateOnly ReceivedOn, DateOnly TransferredOn);

/// <summary>
/// Decides which messages about a complaint, before (or without) a case, an intake event makes due
/// (<see cref="ComplaintNotices"/>, ADR 37), records the complaint they quote, and queues them in the consumer's
/// transaction beside its inbox row, as <see cref="QueueMessagesHandler"/> does for a case's.
/// </summary>
public sealed class QueueComplaintMessagesHandler(ComplaintStore complaints, MessageStore store, TimeProvider clock)
{
    /// <summary>A complaint recorded at intake: its written record if made orally, and while it waits for consent to share, the request and the ICB's notice.</summary>
    public async Task ArrivedAsync(ComplaintArrival arrival, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(arrival);
        var owed = ComplaintNotices.OnArrival(arrival.Channel, arrival.Route, arrival.Imported);
        if (arrival.Imported)
        {
            // Received in another system, which wrote what it owed then (the rule owes it nothing): nothing to quote either.
            return;
        }
        await complaints.AddAsync(
            KnownComplaint.Received(arrival.ComplaintId, arrival.Reference, arrival.OrganisationCode, arrival.HandlingOrganisationCode, arrival.ReceivedOn), ct);
        foreach (var message in owed)
        {
            var facts = message.Template switch
            {
                MessageTemplates.OralComplaintRecord => new Dictionary<string, string> { [ComplaintFacts.Channel] = arrival.Channel },
                MessageTemplates.ConsentRequest or MessageTemplates.ConsentAwaited =>
                    new Dictionary<string, string> { [ComplaintFacts.AboutOrganisations] = string.Join(',', arrival.AboutOrganisationCodes) },
                _ => new Dictionary<string, string>(),
            };
            await QueueAsync(arrival.EventId, message, arrival.ComplaintId, arrival.HandlingOrganisationCode, facts, ct);
        }
    }

    /// <summary>A complaint transferred: the organisation that had it tells the complainant who handles it now (Reg 6(6), 7(5)).</summary>
    public async Task TransferredAsync(ComplaintTransfer transfer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(transfer);
        await complaints.TransferAsync(
            transfer.ComplaintId, transfer.Reference, transfer.FromOrganisationCode, transfer.ToOrganisationCode, transfer.ReceivedOn, ct);
        foreach (var message in ComplaintNotices.OnTransfer())
        {
            await QueueAsync(transfer.EventId, message, transfer.ComplaintId, transfer.FromOrganisationCode, new Dictionary<string, string>
            {
                [ComplaintFacts.ToOrganisation] = transfer.ToOrganisationCode,
                [ComplaintFacts.TransferredOn] = transfer.TransferredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            }, ct);
        }
    }

    private Task QueueAsync(Guid eventId, OwedMessage owed, Guid complaintId, string organisationCode, Dictionary<string, string> facts, CancellationToken ct) =>
        store.QueueAsync(SentMessage.QueueAboutComplaint(eventId, owed.Template, owed.Recipient, complaintId, organisationCode, facts, clock.GetUtcNow()), ct);
}

/// <summary>The names under which a message about a complaint keeps the event's facts: codes and dates only.</summary>
public static class ComplaintFacts
{
    /// <summary>How the complaint was made (<c>Phone</c>, <c>InPerson</c>, <c>Pals</c>), for the written record.</summary>
    public const string Channel = "channel";

    /// <summary>ODS codes of the providers the complaint is about, comma-separated.</summary>
    public const string AboutOrganisations = "aboutOrganisations";

    /// <summary>ODS code of the organisation a complaint was transferred to.</summary>
    public const string ToOrganisation = "toOrganisation";

    /// <summary>The day of the transfer.</summary>
    public const string TransferredOn = "transferredOn";
}
