namespace IcsComplaints.Reporting.Api.Measures;

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

    /// <summary>Normal-approximation binomial limits p ± z·√(p(1−p)/n), clipped to [0, 1], 4 decimals.</summary>
    public static (double Lower, double Upper) Of(double p, int n, double z)
    {
        var spread = z * Math.Sqrt(p * (1 - p) / n);
        return (Math.Round(Math.Max(0, p - spread), 4), Math.Round(Math.Min(1, p + spread), 4));
    }

    /// <summary>Within, AboveWarning, AboveAlarm, BelowWarning or BelowAlarm.</summary>
    public static string Position(double value, (double Lower, double Upper) warning, (double Lower, double Upper) alarm) =>
        value > alarm.Upper ? "AboveAlarm" : value > warning.Upper ? "AboveWarning" : value < alarm.Lower ? "BelowAlarm" : value < warning.Lower ? "BelowWarning" : "Within";
}
