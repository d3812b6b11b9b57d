// ConsentPlannedEnd: consent lasts as long as the complainant said, so an advocate may read a closed case's final response until the planned end (domain.md §5; ADR 26).
using IcsComplaints.AdvocacyReferral.Domain.Referrals;

namespace IcsComplaints.AdvocacyReferral.Domain.Rules;

/// <summary>
/// ConsentPlannedEnd: an advocate's access rests only on the complainant's consent (domain.md §5, ADR 13), and it
/// lasts as long as that consent says (ADR 26): until the date the complainant gave, or else for a set period after
/// the case closes, so the advocate can go through the final response with them. While the case is open a grant in
/// force allows what its scope says, up to its planned end; once the case has closed, only reading the case and its
/// final response, until the planned end. A grant without a planned end ends at closure, as before planned ends existed.
/// </summary>
public static class ConsentPlannedEnd
{
    /// <summary>The period after closure when the configuration says nothing.</summary>
    public static readonly TimeSpan DefaultAfterClosure = TimeSpan.FromDays(28);

    /// <summary>A planned end the complainant gives must not be in the past; <c>null</c> when it is acceptable.</summary>
    public static string? Problem(DateOnly accessEndsOn, DateOnly today) =>
        accessEndsOn < today ? "Give the last day of the advocate's access: today or later, not a day in the past." : null;

    /// <summary>
    /// Whether the grant lets its service in today: in force up to and including its planned end, or, once the case
    /// has closed, reading the case (when the scope allows it) up to and including a planned end not before the
    /// closure. A revocation after closure ends that reading at once.
    /// </summary>
    public static bool Readable(ConsentGrant grant, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(grant);
        return grant.IsActive
            ? grant.AccessEndsOn is null || today <= grant.AccessEndsOn
            : OutlastsClosure(grant) && grant.ViewCase && today <= grant.AccessEndsOn;
    }

    /// <summary>
    /// The day the advocate's access under the grant ended, or <c>null</c> while it lasts: the planned end when it
    /// has passed or outlasted the closure, else the day the grant ended.
    /// </summary>
    public static DateOnly? AccessEndedOn(ConsentGrant grant, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(grant);
        if (Readable(grant, today))
        {
            return null;
        }
        if (grant.IsActive)
        {
            return grant.AccessEndsOn;
        }
        return OutlastsClosure(grant) ? grant.AccessEndsOn : grant.EndedOn;
    }

    private static bool OutlastsClosure(ConsentGrant grant) =>
        grant.EndReason == ConsentEndReason.CaseClosed && grant.AccessEndsOn is { } end && end >= grant.EndedOn;
}
