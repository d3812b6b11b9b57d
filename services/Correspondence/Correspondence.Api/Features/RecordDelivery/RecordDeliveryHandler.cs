using System.Globalization;
using IcsComplaints.Correspondence.Api.Data;
using IcsComplaints.Correspondence.Domain.Messages;
using IcsComplaints.Validation;

namespace IcsComplaints.Correspondence.Api.Features.RecordDelivery;

/// <summary>What became of a receipt.</summary>
public enum ReceiptOutcome
{
    /// <summary>The message's delivery changed.</summary>
    Recorded = 1,

    /// <summary>The message already showed this or a final outcome: a repeat or a late receipt, changing nothing.</summary>
    AlreadyKnown = 2,

    /// <summary>The reference is not one of ours (a notification sent from Notify's own pages, or another service's).</summary>
    NotOurs = 3,
}

/// <summary>
/// Records a GOV.UK Notify delivery receipt on the message it names by our reference (ADR 39): the outcome and when,
/// changed only as <see cref="Domain.Rules.DeliveryProgress"/> allows, so a repeat or a late receipt changes nothing.
/// </summary>
public sealed partial class RecordDeliveryHandler(MessageStore store, TimeProvider clock, ILogger<RecordDeliveryHandler> logger)
{
    /// <summary>Checks the receipt, field by field, and records it.</summary>
    public async Task<ReceiptOutcome> HandleAsync(NotifyReceipt receipt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var errors = new ValidationErrors();
        if (!Guid.TryParse(receipt.Id, out var notificationId))
        {
            errors.Add("id", "Give Notify's notification id as a UUID.");
        }
        DeliveryOutcome? outcome = null;
        if (string.IsNullOrWhiteSpace(receipt.Status))
        {
            errors.Add("status", "Give the notification's status.");
        }
        else if ((outcome = NotifyStatuses.OutcomeOf(receipt.Status)) is null)
        {
            errors.Add("status", $"The status must be one of: {string.Join(", ", NotifyStatuses.Known)}.");
        }
        var completedAt = Timestamp(receipt.CompletedAt, "completed_at", errors);
        Timestamp(receipt.CreatedAt, "created_at", errors);
        Timestamp(receipt.SentAt, "sent_at", errors);
        errors.ThrowIfAny();

        // Notify sends receipts for everything the service sends, from its own pages too: a reference that is not a
        // message of ours will never become one, so it is acknowledged and left, rather than refused and retried.
        if (!Guid.TryParse(receipt.Reference, out var messageId))
        {
            LogNotOurs(logger, notificationId);
            return ReceiptOutcome.NotOurs;
        }
        var at = completedAt ?? clock.GetUtcNow();
        var changed = await store.ChangeLockedAsync(messageId, m => m.RecordDelivery(outcome!.Value, at, notificationId), ct);
        switch (changed)
        {
            case null:
                LogNotOurs(logger, notificationId);
                return ReceiptOutcome.NotOurs;
            case true:
                LogRecorded(logger, messageId, outcome!.Value, notificationId);
                return ReceiptOutcome.Recorded;
            default:
                return ReceiptOutcome.AlreadyKnown;
        }
    }

    private static DateTimeOffset? Timestamp(string? value, string field, ValidationErrors errors)
    {
        if (value is null)
        {
            return null;
        }
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
        {
            return at;
        }
        errors.Add(field, "Give the time as ISO 8601 (2026-12-07T09:30:00.000000Z).");
        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Message {MessageId} delivery: {Outcome} (Notify notification {NotificationId})")]
    private static partial void LogRecorded(ILogger logger, Guid messageId, DeliveryOutcome outcome, Guid notificationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery receipt for Notify notification {NotificationId} names no message of ours; ignored")]
    private static partial void LogNotOurs(ILogger logger, Guid notificationId);
}
