using IcsComplaints.Correspondence.Domain.Consents;

namespace IcsComplaints.Correspondence.Domain.Rules;

/// <summary>
/// What an independent NHS complaints advocacy service is told about a case, and when (domain.md §5; Complaint
/// Standards: signpost and work with advocacy, §1.4 and §1.6). Advocacy is confidential and consent-gated: an
/// advocate is told only what the complainant's consent covers, and nothing once it is withdrawn. Seeing and
/// commenting on drafts is no statutory right; it is the step the complainant agreed to (consent to review drafts).
/// <list type="bullet">
/// <item>A referral goes to the service's mailbox: the consent came with it.</item>
/// <item>A draft shared for review goes to each service the case service shared it with, which checked the consent
/// then; it is not sent if, by the time it goes, every grant known for that service has ended.</item>
/// <item>On the review window's last day, a service whose review is still open is reminded (the day it can still act,
/// rather than a notice after the window closed, when it can do nothing). The reminder is withdrawn when the review
/// closes first (completed, waived, superseded, consent revoked), and not owed when the window closes the day the
/// draft is shared, since the first notice already says so.</item>
/// <item>The final response's sending goes to each service whose grant lets it see the case's progress on the day it
/// was sent: given by then and not withdrawn; an end by the case closing does not stop it, since the advocate may
/// still read the closed case's final response. Withdrawn before the notice goes, it is not sent.</item>
/// </list>
/// </summary>
public static class AdvocateNotices
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>Where an advocacy service answers referrals in the portal.</summary>
    public const string ReferralsPath = "/advocate";

    /// <summary>Where an advocate reads and comments on drafts shared with their service.</summary>
    public const string ReviewsPath = "/advocate/reviews";

    /// <summary>Where an advocate follows their clients' cases.</summary>
    public const string ClientsPath = "/advocate/clients";

    /// <summary>
    /// For each advocacy service, the grant that covers telling it the final response was sent on
    /// <paramref name="sentOn"/>, or none: one per service, the most recent when several do.
    /// </summary>
    public static IReadOnlyList<AdvocacyConsent> CoveringFinalResponse(IEnumerable<AdvocacyConsent> grants, DateOnly sentOn)
    {
        ArgumentNullException.ThrowIfNull(grants);
        return [.. grants
            .Where(g => g.ViewCase && g.GrantedOn is { } given && given <= sentOn && !g.IsWithdrawn && (g.EndedOn is null || g.EndedOn >= sentOn))
            .GroupBy(g => g.AdvocacyServiceCode, StringComparer.OrdinalIgnoreCase)
            .Select(service => service.OrderByDescending(g => g.GrantedOn).First())
            .OrderBy(g => g.AdvocacyServiceCode, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Why a notice about a draft is no longer to go to a service, given the grants known for it on the case; <c>null</c>
    /// when it is to go. With no grant known yet the case service's sharing stands: it asked the advocacy service.
    /// </summary>
    public static string? WhyNotAboutDrafts(IReadOnlyCollection<AdvocacyConsent> grantsOfService)
    {
        ArgumentNullException.ThrowIfNull(grantsOfService);
        if (grantsOfService.Count == 0 || grantsOfService.Any(g => g.IsActive && g.ReviewDrafts))
        {
            return null;
        }
        return grantsOfService.Any(g => g.IsWithdrawn)
            ? "The complainant's consent for the advocacy service ended before this was sent."
            : "The complainant's consent for the advocacy service no longer covers drafts of the response.";
    }

    /// <summary>Why the notice of the final response is no longer to go, given the grant it was queued under; <c>null</c> when it is to go.</summary>
    public static string? WhyNotAboutFinalResponse(AdvocacyConsent? grant) =>
        grant is { IsWithdrawn: true } ? "The complainant's consent for the advocacy service was withdrawn before this was sent." : null;

    /// <summary>
    /// When the reminder on the review window's last day is sent, at <paramref name="timeOfDay"/> in Europe/London;
    /// <c>null</c> when none is owed because the window closes the day the draft is shared.
    /// </summary>
    public static DateTimeOffset? ClosingDayReminderAt(DateOnly sharedOn, DateOnly windowEndsOn, TimeOnly timeOfDay)
    {
        if (windowEndsOn <= sharedOn)
        {
            return null;
        }
        var local = windowEndsOn.ToDateTime(timeOfDay);
        return new DateTimeOffset(local, London.GetUtcOffset(local));
    }

    /// <summary>Why the reminder is not sent on <paramref name="today"/> (Europe/London): the window it reminds of has closed.</summary>
    public static string? WhyNoReminder(DateOnly windowEndsOn, DateOnly today) =>
        today > windowEndsOn ? "The review window had closed before the reminder could be sent." : null;
}
