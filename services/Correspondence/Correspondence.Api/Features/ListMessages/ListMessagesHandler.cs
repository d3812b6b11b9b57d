using IcsComplaints.Correspondence.Api.Data;
using IcsComplaints.Correspondence.Domain.Messages;
using IcsComplaints.Correspondence.Domain.Rules;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Correspondence.Api.Features.ListMessages;

/// <summary>A message as the case's staff see it: what, to whom (by role), how and where it stands; never the address.</summary>
/// <param name="Id">The message.</param>
/// <param name="Template">Which message (deadline-approaching, acknowledgement, oral-complaint-record, ...: <see cref="MessageTemplates"/>).</param>
/// <param name="Recipient">Who it is for, by role: ComplaintsTeam, Complainant, AdvocacyService or ContributingOrganisation.</param>
/// <param name="Status">Queued, Sending, Sent, Failed or NotSent.</param>
/// <param name="Channel">How it went (Email), once sent.</param>
/// <param name="LargePrint">Whether the large-print letter was sent.</param>
/// <param name="Attempts">Attempts begun.</param>
/// <param name="QueuedAt">When it was queued.</param>
/// <param name="SentAt">When the channel accepted it.</param>
/// <param name="Reason">Why it failed or was not sent.</param>
/// <param name="RecipientCode">
/// Which one of the role, where a case has several: the advocacy service's code (AdvocacyService) or the contributing
/// organisation's ODS code (ContributingOrganisation); <c>null</c> otherwise. A code, never an address.
/// </param>
/// <param name="Delivery">
/// What GOV.UK Notify's delivery receipt said after the channel accepted it (Delivered, PermanentFailure,
/// TemporaryFailure, TechnicalFailure; for letters PendingVirusCheck, Accepted, Received, Cancelled, ValidationFailed,
/// VirusScanFailed); <c>null</c> when no receipt came, as over SMTP (ADR 39).
/// </param>
/// <param name="DeliveryAt">When that happened.</param>
/// <param name="CopyKept">A copy of the letter as sent is kept: <c>GET .../messages/{id}/copy</c> gives its PDF.</param>
/// <param name="DeliveryFailed">
/// Whether the receipt says the person did not get it, though it was sent: the handler must reach them another way.
/// </param>
public sealed record MessageView(
    Guid Id, string Template, string Recipient, string Status, string? Channel, bool LargePrint, int Attempts,
    DateTimeOffset QueuedAt, DateTimeOffset? SentAt, string? Reason, string? RecipientCode = null,
    string? Delivery = null, DateTimeOffset? DeliveryAt = null, bool DeliveryFailed = false, bool CopyKept = false);

/// <summary>
/// What was sent about a case, for its staff, with what its organisation sent about the complaint before the case
/// opened (ADR 37); a case of another organisation, or one not known, is not found.
/// </summary>
public sealed class ListMessagesHandler(MessageStore store, MessageQueries queries)
{
    /// <summary>The messages, oldest first.</summary>
    public async Task<IReadOnlyList<MessageView>> HandleAsync(Caller caller, Guid caseId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var known = await store.FindCaseAsync(caseId, ct);
        if (known is null || !caller.ActsFor(known.OrganisationCode, CorrespondenceAccess.CaseReaders))
        {
            throw new RequestNotFoundException("No such case.");
        }
        // With the messages its own organisation sent about the complaint before the case opened (ADR 37).
        var messages = await queries.ForCaseWithItsComplaintAsync(known, ct);
        return [.. messages.Select(m => new MessageView(
            m.Id, m.Template, m.RecipientRole.ToString(), m.Status.ToString(), m.Channel == MessageChannel.None ? null : m.Channel.ToString(),
            m.LargePrint, m.Attempts, m.QueuedAt, m.SentAt, m.Reason, m.RecipientCode.Length == 0 ? null : m.RecipientCode,
            m.Delivery == DeliveryOutcome.None ? null : m.Delivery.ToString(), m.DeliveryAt, DeliveryProgress.IsFailure(m.Delivery), m.CopyKept))];
    }
}
