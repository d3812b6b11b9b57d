using IcsComplaints.AdvocacyReferral.Domain.Rules;

namespace IcsComplaints.AdvocacyReferral.Api.Features;

/// <summary>How long consent lasts when the complainant gives no date (section <c>Advocacy</c>; ADR 26).</summary>
public sealed class ConsentOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Advocacy";

    /// <summary>
    /// How long after the case closes the advocate may still read it and its final response, in whole days
    /// (<c>Advocacy:ConsentAfterClosure</c>, such as <c>28.00:00:00</c>); recorded on each grant when consent is given,
    /// so a later change does not move the end of consent already given.
    /// </summary>
    public TimeSpan ConsentAfterClosure { get; set; } = ConsentPlannedEnd.DefaultAfterClosure;

    /// <summary>The period as the whole days recorded on a grant.</summary>
    public int DaysAfterClosure => ConsentAfterClosure < TimeSpan.Zero ? 0 : (int)ConsentAfterClosure.TotalDays;
}
