using System.Globalization;
using IcsComplaints.Correspondence.Domain.Messages;

namespace IcsComplaints.Correspondence.Domain.Rules;

/// <summary>A message an intake event makes due: which one, and to whom.</summary>
/// <param name="Template">A name from <see cref="MessageTemplates"/>.</param>
/// <param name="Recipient">Who it is for.</param>
public sealed record OwedMessage(string Template, RecipientRole Recipient);

/// <summary>
/// The messages a complaint is owed before (or without) a case, from what intake announces (ADR 37):
/// <list type="bullet">
/// <item>Reg 13(2): a complaint made orally is written down and a copy of the record sent to the complainant. Oral is
/// what intake counts as oral (by telephone, in person or through PALS), so the two services agree on which complaints
/// have a written record. The record quotes what intake holds, read when it is sent; when the team recorded at intake
/// that they sent it themselves, it is not sent twice.</item>
/// <item>Reg 7(3): a complaint made to an ICB about a provider it commissions waits for the complainant's consent to
/// share it with the provider. The complainant is asked for it, and told what happens if they agree (the ICB shares it
/// and decides whether it or the provider looks into it, Reg 7(4)–(5)) and if they do not (the ICB looks into it itself
/// and the provider is not told who complained); the ICB's complaints team is told that it waits, with no personal data.
/// A complaint whose answer was recorded before the letter went is not asked again.</item>
/// <item>Reg 6(6) and 7(5): a complaint transferred is treated as made to the organisation it went to on the day it was
/// first received. The complainant is told which organisation handles it now, that the original day stands, and how to
/// reach that organisation's complaints team.</item>
/// <item>An imported complaint was received in another system, which owed and sent its letters then: nothing is sent
/// on its arrival here.</item>
/// </list>
/// </summary>
public static class ComplaintNotices
{
    /// <summary>The channels of a complaint made orally, by the names intake's events use (intake's own rule, Reg 13(1)–(2)).</summary>
    public static readonly IReadOnlyList<string> OralChannels = ["Phone", "InPerson", "Pals"];

    /// <summary>The route of a complaint to an ICB about a provider it commissions, waiting for consent to share (Reg 7(3)).</summary>
    public const string AwaitingConsentRoute = "AwaitingConsent";

    /// <summary>What a complaint's arrival at intake owes, in the order they are queued.</summary>
    /// <param name="channel">How it was made, by the name of intake's <c>ComplaintChannel</c> (<c>Phone</c>, <c>Letter</c>, ...).</param>
    /// <param name="route">How it was routed on arrival, by the name of intake's <c>ComplaintRoute</c>.</param>
    /// <param name="imported">Whether it was imported from an earlier system rather than received now.</param>
    public static IReadOnlyList<OwedMessage> OnArrival(string channel, string route, bool imported)
    {
        if (imported)
        {
            return [];
        }
        var owed = new List<OwedMessage>();
        if (IsOral(channel))
        {
            owed.Add(new OwedMessage(MessageTemplates.OralComplaintRecord, RecipientRole.Complainant));
        }
        if (string.Equals(route, AwaitingConsentRoute, StringComparison.Ordinal))
        {
            owed.Add(new OwedMessage(MessageTemplates.ConsentRequest, RecipientRole.Complainant));
            owed.Add(new OwedMessage(MessageTemplates.ConsentAwaited, RecipientRole.ComplaintsTeam));
        }
        return owed;
    }

    /// <summary>What a transfer owes: the complainant's notice, whoever made or imported the complaint (Reg 6(6), 7(5)).</summary>
    public static IReadOnlyList<OwedMessage> OnTransfer() => [new OwedMessage(MessageTemplates.TransferNotice, RecipientRole.Complainant)];

    /// <summary>True for a complaint made orally.</summary>
    public static bool IsOral(string channel) => OralChannels.Contains(channel, StringComparer.Ordinal);

    /// <summary>How an oral complaint was made, completing "You made your complaint to us ...".</summary>
    public static string HowMade(string channel) => channel switch
    {
        "Phone" => "by telephone",
        "InPerson" => "in person",
        "Pals" => "through our Patient Advice and Liaison Service (PALS)",
        _ => "by speaking to us",
    };

    /// <summary>
    /// Why the written record is not sent when the complaints team recorded at intake that they sent it themselves
    /// (Reg 13(2) asks for one copy), or <c>null</c> when it is still owed.
    /// </summary>
    public static string? WrittenRecordAlreadySent(DateOnly? sentByTeamOn) => sentByTeamOn is { } day
        ? string.Create(CultureInfo.InvariantCulture, $"The complaints team recorded at intake that they sent the written record themselves on {day:yyyy-MM-dd} (Reg 13(2)).")
        : null;

    /// <summary>
    /// Why the request for consent is not sent when the complaint no longer waits for it at intake (the team recorded
    /// the complainant's answer, or routed it, before the letter went), or <c>null</c> while it still does (Reg 7(3)).
    /// </summary>
    /// <param name="route">The complaint's route at intake now, by name; empty when intake did not say.</param>
    public static string? ConsentNoLongerAwaited(string route) =>
        string.IsNullOrEmpty(route) || string.Equals(route, AwaitingConsentRoute, StringComparison.Ordinal)
            ? null
            : $"The complaint no longer waits for consent to share at intake ({route}): the complainant is not asked for it.";

    /// <summary>Whole days a complaint has waited since it was received, never fewer than none.</summary>
    public static int DaysWaiting(DateOnly receivedOn, DateOnly today) => Math.Max(0, today.DayNumber - receivedOn.DayNumber);
}
