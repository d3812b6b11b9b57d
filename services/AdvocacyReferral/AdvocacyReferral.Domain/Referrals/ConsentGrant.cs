using IcsComplaints.AdvocacyReferral.Domain.Rules;

namespace IcsComplaints.AdvocacyReferral.Domain.Referrals;

/// <summary>How the complainant's consent was evidenced.</summary>
public enum ConsentEvidence
{
    /// <summary>A signed form or letter.</summary>
    Written = 1,

    /// <summary>Given by telephone or in person and recorded by staff.</summary>
    Verbal = 2,

    /// <summary>By e-mail or online, including the complainant signed in here.</summary>
    Electronic = 3,
}

/// <summary>Why a grant ended, as stored and announced.</summary>
public static class ConsentEndReason
{
    /// <summary>The complainant withdrew it, or the complaints team recorded that they did.</summary>
    public const string Revoked = "Revoked";

    /// <summary>The case closed.</summary>
    public const string CaseClosed = "CaseClosed";

    /// <summary>The advocacy service declined the referral it came with.</summary>
    public const string ReferralDeclined = "ReferralDeclined";
}

/// <summary>A grant ended: announced so that the reviews it allowed end too, and other services stop relying on it.</summary>
/// <param name="GrantId">The grant.</param>
/// <param name="CaseId">The case.</param>
/// <param name="AdvocacyServiceCode">The service it named.</param>
/// <param name="EndedOn">When.</param>
/// <param name="Reason">A <see cref="ConsentEndReason"/>.</param>
public sealed record ConsentEnded(Guid GrantId, Guid CaseId, string AdvocacyServiceCode, DateOnly EndedOn, string Reason);

/// <summary>
/// The complainant's consent for one advocacy service to see their case and, if they agree, drafts of the final
/// response (what each allows: <see cref="ConsentScope"/>). It ends when revoked (by the complainant or a handler),
/// when the case closes, or when the referral is declined, and never starts again: a new referral gives a new grant.
/// A planned end (<see cref="AccessEndsOn"/>) lets the advocate go on reading the closed case's final response until
/// then (ADR 26); a grant recorded before planned ends existed has none, and access ends at closure.
/// </summary>
public sealed class ConsentGrant
{
    private ConsentGrant()
    {
    }

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }

    /// <summary>The case.</summary>
    public Guid CaseId { get; private set; }

    /// <summary>The advocacy service it names.</summary>
    public string AdvocacyServiceCode { get; private set; } = "";

    /// <summary>May see the case's progress.</summary>
    public bool ViewCase { get; private set; }

    /// <summary>May see and comment on drafts of the final response.</summary>
    public bool ReviewDrafts { get; private set; }

    /// <summary>How consent was evidenced.</summary>
    public ConsentEvidence Evidence { get; private set; }

    /// <summary>When given.</summary>
    public DateOnly GrantedOn { get; private set; }

    /// <summary>Who recorded it.</summary>
    public string RecordedBy { get; private set; } = "";

    /// <summary>When it ended.</summary>
    public DateOnly? EndedOn { get; private set; }

    /// <summary>A <see cref="ConsentEndReason"/>.</summary>
    public string? EndReason { get; private set; }

    /// <summary>Who ended it.</summary>
    public string? EndedBy { get; private set; }

    /// <summary>True until it ends.</summary>
    public bool IsActive => EndedOn is null;

    /// <summary>
    /// The planned end: the last day of the advocate's access, whether the case is open or closed. Recorded when the
    /// complainant gave a date, otherwise set at closure from <see cref="DaysAfterClosure"/>.
    /// </summary>
    public DateOnly? AccessEndsOn { get; private set; }

    /// <summary>How many days after the case closes access lasts, when no date was given; <c>null</c> to end at closure.</summary>
    public int? DaysAfterClosure { get; private set; }

    /// <summary>Records consent given for one service, with the scope the complainant agreed to.</summary>
    public static ConsentGrant Give(
        Guid id, Guid caseId, string advocacyServiceCode, bool viewCase, bool reviewDrafts, ConsentEvidence evidence, DateOnly grantedOn, string recordedBy) => new()
    {
        Id = id, CaseId = caseId, AdvocacyServiceCode = advocacyServiceCode, ViewCase = viewCase, ReviewDrafts = reviewDrafts,
        Evidence = evidence, GrantedOn = grantedOn, RecordedBy = recordedBy,
    };

    /// <summary>
    /// Records how long consent lasts: until the date the complainant gave, or else for a number of days after the
    /// case closes (<see cref="ConsentPlannedEnd"/>).
    /// </summary>
    public ConsentGrant Lasting(DateOnly? until, int daysAfterClosure)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(daysAfterClosure);
        AccessEndsOn = until;
        DaysAfterClosure = until is null ? daysAfterClosure : null;
        return this;
    }

    /// <summary>
    /// The case closed: the grant ends with its referrals and draft reviews, and its planned end, now fixed, says
    /// until when the advocate may still read the closed case. Returns what to announce.
    /// </summary>
    public ConsentEnded? CaseClosed(DateOnly closedOn, string by, IEnumerable<Referral> referrals)
    {
        if (IsActive && AccessEndsOn is null && DaysAfterClosure is { } days)
        {
            AccessEndsOn = closedOn.AddDays(days);
        }
        return End(closedOn, ConsentEndReason.CaseClosed, by, referrals);
    }

    /// <summary>
    /// Consent withdrawn after the case closed, while the advocate could still read it: that reading ends today, so
    /// the grant now ends today by revocation (its planned end kept for the record). Returns <c>false</c> when nothing
    /// was left to end.
    /// </summary>
    public bool RevokeReadingAfterClosure(DateOnly today, string by)
    {
        if (IsActive || !ConsentPlannedEnd.Readable(this, today))
        {
            return false;
        }
        EndedOn = today;
        EndReason = ConsentEndReason.Revoked;
        EndedBy = by;
        return true;
    }

    /// <summary>
    /// Ends the grant and, with it, the referrals it came with that are still waiting or accepted; whatever ends it,
    /// it ends the same way. Returns what to announce, or <c>null</c> when it had already ended.
    /// </summary>
    public ConsentEnded? End(DateOnly on, string reason, string by, IEnumerable<Referral> referrals)
    {
        if (!IsActive)
        {
            return null;
        }
        EndedOn = on;
        EndReason = reason;
        EndedBy = by;
        foreach (var referral in referrals.Where(r => r.GrantId == Id))
        {
            referral.GrantEnded(reason);
        }
        return new ConsentEnded(Id, CaseId, AdvocacyServiceCode, on, reason);
    }
}
