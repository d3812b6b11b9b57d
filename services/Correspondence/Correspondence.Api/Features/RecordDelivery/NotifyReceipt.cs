using System.Text.Json.Serialization;

namespace IcsComplaints.Correspondence.Api.Features.RecordDelivery;

/// <summary>
/// A GOV.UK Notify delivery receipt, as Notify posts it. Only what the service uses is bound: the recipient's address
/// (<c>to</c>) is personal data and is deliberately not a member, so it is never held, logged or traced; every other
/// field Notify sends, now or later, is skipped rather than refused, since Notify, not a person, writes the body.
/// Values stay text so that a wrong one is reported against its field.
/// </summary>
/// <param name="Id">Notify's id of the notification.</param>
/// <param name="Reference">Ours: the id of the message it was sent for.</param>
/// <param name="Status">Notify's status: <c>delivered</c>, <c>permanent-failure</c>, ... (<see cref="NotifyStatuses"/>).</param>
/// <param name="CreatedAt">When Notify created the notification.</param>
/// <param name="CompletedAt">When it reached its final status, if it has.</param>
/// <param name="SentAt">When Notify handed it to its provider.</param>
/// <param name="NotificationType"><c>email</c> or <c>letter</c>.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Skip)]
public sealed record NotifyReceipt(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("reference")] string? Reference,
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("created_at")] string? CreatedAt,
    [property: JsonPropertyName("completed_at")] string? CompletedAt,
    [property: JsonPropertyName("sent_at")] string? SentAt,
    [property: JsonPropertyName("notification_type")] string? NotificationType);
