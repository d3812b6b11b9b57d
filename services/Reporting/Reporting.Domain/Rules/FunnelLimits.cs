// FunnelLimits: providers judged against the overall rate with binomial control limits at 95% and 99.8% for their own volume (Spiegelhalter, Statistics in Medicine 2005;24:1185–1202).
using IcsComplaints.Reporting.Domain.Measures;

namespace IcsComplaints.Reporting.Domain.Rules;

/// <summary>
/// Where a provider stands on a funnel plot: judged against the overall rate <c>p</c> with binomial control limits
/// p ± z·√(p(1−p)/n) for its own volume <c>n</c>, which narrow as volume grows, so that nobody is flagged for noise.
/// Source: Spiegelhalter, Funnel plots for comparing institutional performance, Statistics in Medicine 2005;24:1185–1202.
/// </summary>
public static class FunnelLimits
{
    /// <summary>z for the 95% ("warning") limits.</summary>
    public const double Warning = 1.959964;

    /// <summary>z for the 99.8% ("alarm") limits.</summary>
    public const double Alarm = 3.090232;

    /// <summary>
    /// Fewer cases than this are not judged: the normal approximation behind the limits does not hold for so few.
    /// A statistical floor, not the small-numbers rule (an operational funnel shows such a provider's counts).
    /// </summary>
    public const int MinimumCases = 5;

    /// <summary>The rate measures a funnel can show, with the rate each reads from a set of measures.</summary>
    public static readonly IReadOnlyDictionary<string, Func<MeasureSet, Rate>> Rates = new Dictionary<string, Func<MeasureSet, Rate>>(StringComparer.Ordinal)
    {
        ["acknowledgedInTime"] = m => m.AcknowledgedInTime,
        ["resolvedEarly"] = m => m.ResolvedEarly,
        ["byAgreedDate"] = m => m.ByAgreedDate,
        ["upheldOrPartly"] = m => m.UpheldOrPartly,
        ["reopened"] = m => m.Reopened,
        ["withAdvocacy"] = m => m.WithAdvocacy,
    };

    /// <summary>Normal-approximation binomial limits p ± z·√(p(1−p)/n), clipped to [0, 1], 4 decimals.</summary>
    public static (double Lower, double Upper) Of(double p, int n, double z)
    {
        var spread = z * Math.Sqrt(p * (1 - p) / n);
        return (Math.Round(Math.Max(0, p - spread), 4), Math.Round(Math.Min(1, p + spread), 4));
    }

    /// <summary>Within, AboveWarning, AboveAlarm, BelowWarning or BelowAlarm.</summary>
    public static string Position(double value, (double Lower, double Upper) warning, (double Lower, double Upper) alarm) =>
        value > alarm.Upper ? "AboveAlarm" : value > warning.Upper ? "AboveWarning" : value < alarm.Lower ? "BelowAlarm" : value < warning.Lower ? "BelowWarning" : "Within";

    /// <summary>
    /// Places each provider against the overall rate. For publication the providers and their total are first
    /// protected together (<see cref="Publication.Oversight"/>), and a provider whose rate that withholds is given
    /// no figure at all: its limits would give its volume away.
    /// </summary>
    public static Funnel Plot(string key, string period, IReadOnlyList<MeasureSet> providers, MeasureSet allProviders, bool publication)
    {
        if (publication)
        {
            (providers, allProviders) = Publication.Oversight(providers, allProviders);
        }
        var target = Rates[key](allProviders).Value;
        var points = providers.Select(s =>
        {
            var rate = Rates[key](s);
            if (rate.Suppressed)
            {
                return new FunnelPoint(s.OrganisationCode, null, null, null, null, null, null, null, "Withheld", Suppressed: true);
            }
            if (target is not { } p || rate.Denominator is not ({ } n and >= MinimumCases))
            {
                return new FunnelPoint(s.OrganisationCode, rate.Numerator, rate.Denominator, rate.Value, null, null, null, null, "TooFew");
            }
            var warning = Of(p, n, Warning);
            var alarm = Of(p, n, Alarm);
            return new FunnelPoint(
                s.OrganisationCode, rate.Numerator, rate.Denominator, rate.Value, warning.Lower, warning.Upper, alarm.Lower, alarm.Upper,
                Position(rate.Value!.Value, warning, alarm));
        }).ToList();
        return new Funnel(key, period, target, points, publication);
    }
}
