// ThemeRule: a problem is a theme when its share of the month's coded complaints rises above its own 12-month baseline (docs/learning/theme-rule.md; Complaint Standards section 1, learning from complaints; ADR 14).

namespace IcsComplaints.Learning.Domain.Rules;

/// <summary>The counts a theme is judged on, for one organisation (or an ICB's providers together) and one problem.</summary>
/// <param name="Observed">Complaints received in the month examined with the problem.</param>
/// <param name="Total">Complaints received in that month and coded.</param>
/// <param name="BaselineObserved">Complaints with the problem over the twelve months before.</param>
/// <param name="BaselineTotal">Complaints coded over those twelve months.</param>
/// <param name="BaselineMonthsWithData">How many of those months had any coded complaint.</param>
public sealed record ThemeCounts(int Observed, int Total, int BaselineObserved, int BaselineTotal, int BaselineMonthsWithData);

/// <summary>What the rule concluded.</summary>
/// <param name="Signal">True when the problem rose above its baseline.</param>
/// <param name="BaselineShare">Smoothed share of complaints with the problem over the baseline.</param>
/// <param name="Expected">Complaints expected this month: baseline share × this month's coded complaints.</param>
/// <param name="PValue">One-sided exact binomial probability of this many or more, were the baseline share unchanged.</param>
/// <param name="Reason">Why, in words.</param>
public sealed record ThemeAssessment(bool Signal, double BaselineShare, double Expected, double PValue, string Reason);

/// <summary>
/// When a problem category or subject area "rises above its own baseline" (docs/learning/theme-rule.md). For the
/// month examined, the share of coded complaints with the problem is compared with the share over the twelve months
/// before: a signal needs (1) a baseline of at least <see cref="MinimumBaselineMonths"/> months with coded
/// complaints and <see cref="MinimumBaselineTotal"/> complaints, (2) at least <see cref="MinimumCount"/> complaints
/// with the problem this month, and (3) a one-sided exact binomial test, with the smoothed baseline share
/// (b + ½) / (B + 1), giving p &lt; <see cref="Alpha"/>. Comparing shares, not counts, keeps a busier month from
/// raising every category at once; the minimum count and the small alpha keep noise from raising alarms.
/// </summary>
public static class ThemeRule
{
    /// <summary>The fewest complaints with the problem in a month that can make a theme.</summary>
    public const int MinimumCount = 5;

    /// <summary>The fewest baseline months with any coded complaint.</summary>
    public const int MinimumBaselineMonths = 6;

    /// <summary>The fewest coded complaints over the baseline.</summary>
    public const int MinimumBaselineTotal = 30;

    /// <summary>Significance level of the one-sided test.</summary>
    public const double Alpha = 0.001;

    /// <summary>Applies the rule.</summary>
    public static ThemeAssessment Assess(ThemeCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Observed > counts.Total || counts.BaselineObserved > counts.BaselineTotal || counts.Observed < 0 || counts.BaselineObserved < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(counts), "A count of complaints with a problem cannot exceed the complaints coded.");
        }
        var share = (counts.BaselineObserved + 0.5) / (counts.BaselineTotal + 1.0);
        var expected = Math.Round(counts.Total * share, 2);
        var p = UpperTail(counts.Observed, counts.Total, share);
        if (counts.BaselineMonthsWithData < MinimumBaselineMonths || counts.BaselineTotal < MinimumBaselineTotal)
        {
            return new(false, share, expected, p, $"Baseline too short: {counts.BaselineMonthsWithData} months and {counts.BaselineTotal} complaints coded (needs {MinimumBaselineMonths} and {MinimumBaselineTotal}).");
        }
        if (counts.Observed < MinimumCount)
        {
            return new(false, share, expected, p, $"{counts.Observed} complaints this month, fewer than {MinimumCount}.");
        }
        return p < Alpha
            ? new(true, share, expected, p, $"{counts.Observed} of {counts.Total} against {expected:0.##} expected (p = {p:0.######}).")
            : new(false, share, expected, p, $"{counts.Observed} of {counts.Total} is within what the baseline predicts ({expected:0.##} expected, p = {p:0.####}).");
    }

    /// <summary>P(X ≥ k) for X ~ Binomial(n, p), summed in log space so large n does not overflow.</summary>
    public static double UpperTail(int k, int n, double p)
    {
        if (k <= 0)
        {
            return 1;
        }
        if (k > n)
        {
            return 0;
        }
        if (p <= 0)
        {
            return 0;
        }
        if (p >= 1)
        {
            return 1;
        }
        var logP = Math.Log(p);
        var logQ = Math.Log(1 - p);
        var logFactorials = new double[n + 1];
        for (var i = 2; i <= n; i++)
        {
            logFactorials[i] = logFactorials[i - 1] + Math.Log(i);
        }
        var sum = 0.0;
        for (var x = k; x <= n; x++)
        {
            sum += Math.Exp(logFactorials[n] - logFactorials[x] - logFactorials[n - x] + (x * logP) + ((n - x) * logQ));
        }
        return Math.Min(1, sum);
    }
}
