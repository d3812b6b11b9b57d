using IcsComplaints.Correspondence.Domain.Messages;

namespace IcsComplaints.Correspondence.Api.Features.RecordDelivery;

/// <summary>GOV.UK Notify's statuses in its delivery receipts, and the outcome each records.</summary>
public static class NotifyStatuses
{
    private static readonly Dictionary<string, DeliveryOutcome> Outcomes = new(StringComparer.Ordinal)
    {
        ["delivered"] = DeliveryOutcome.Delivered,
        ["permanent-failure"] = DeliveryOutcome.PermanentFailure,
        ["temporary-failure"] = DeliveryOutcome.TemporaryFailure,
        ["technical-failure"] = DeliveryOutcome.TechnicalFailure,
        ["pending-virus-check"] = DeliveryOutcome.PendingVirusCheck,
        ["accepted"] = DeliveryOutcome.Accepted,
        ["received"] = DeliveryOutcome.Received,
        ["cancelled"] = DeliveryOutcome.Cancelled,
        ["validation-failed"] = DeliveryOutcome.ValidationFailed,
        ["virus-scan-failed"] = DeliveryOutcome.VirusScanFailed,
    };

    /// <summary>Every status a receipt may carry.</summary>
    public static IEnumerable<string> Known => Outcomes.Keys;

    /// <summary>The outcome of a status, or <c>null</c> for one Notify does not send in receipts.</summary>
    public static DeliveryOutcome? OutcomeOf(string status) => Outcomes.TryGetValue(status, out var outcome) ? outcome : null;
}
