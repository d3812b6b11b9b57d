// Agreement: coders are calibrated by Cohen's kappa per HCAT category, quadratic-weighted beside it because severity is ordinal, in Landis and Koch's words (HCAT coder calibration, domain.md §8.2; ADR 14).

namespace IcsComplaints.Learning.Domain.Rules;

/// <summary>How far two coders agree on one scale.</summary>
/// <param name="Pairs">Items both coded.</param>
/// <param name="ObservedAgreement">Share given the same level.</param>
/// <param name="ExpectedAgreement">Share expected by chance from each coder's own distribution.</param>
/// <param name="Kappa">Cohen's kappa; <c>null</c> when chance agreement is 1 (both coders used one level only).</param>
/// <param name="WeightedKappa">Quadratic-weighted kappa, which counts a near miss on an ordinal scale as part agreement; <c>null</c> when undefined.</param>
public sealed record AgreementResult(int Pairs, double ObservedAgreement, double ExpectedAgreement, double? Kappa, double? WeightedKappa);

/// <summary>
/// Cohen's kappa for two coders (Cohen 1960), and its quadratic-weighted form (Cohen 1968; Fleiss &amp; Cohen 1973)
/// for ordinal scales such as HCAT severity. Kappa = (po − pe) / (1 − pe), where po is the share of items given the
/// same level and pe the share expected by chance from the two coders' marginal distributions.
/// </summary>
public static class Agreement
{
    /// <summary>Agreement over pairs of levels in <c>0..levels-1</c>.</summary>
    public static AgreementResult Of(IReadOnlyList<(int First, int Second)> pairs, int levels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(levels, 2);
        if (pairs.Count == 0)
        {
            return new AgreementResult(0, 0, 0, null, null);
        }
        var n = (double)pairs.Count;
        var table = new double[levels, levels];
        var rows = new double[levels];
        var columns = new double[levels];
        foreach (var (a, b) in pairs)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(Math.Max(a, b), levels);
            ArgumentOutOfRangeException.ThrowIfNegative(Math.Min(a, b));
            table[a, b] += 1 / n;
            rows[a] += 1 / n;
            columns[b] += 1 / n;
        }
        double observed = 0, expected = 0, weightedObserved = 0, weightedExpected = 0;
        for (var i = 0; i < levels; i++)
        {
            observed += table[i, i];
            expected += rows[i] * columns[i];
            for (var j = 0; j < levels; j++)
            {
                var weight = Math.Pow(i - j, 2) / Math.Pow(levels - 1, 2);
                weightedObserved += weight * table[i, j];
                weightedExpected += weight * rows[i] * columns[j];
            }
        }
        // Rounding in the sums can leave 1 - pe at 1e-16 rather than 0: treat it as undefined, not as a huge kappa.
        const double Tiny = 1e-12;
        double? kappa = 1 - expected < Tiny ? null : (observed - expected) / (1 - expected);
        double? weighted = weightedExpected < Tiny ? null : 1 - (weightedObserved / weightedExpected);
        return new AgreementResult(pairs.Count, Math.Round(observed, 4), Math.Round(expected, 4), Round(kappa), Round(weighted));
    }

    /// <summary>Landis and Koch's (1977) words for a kappa, for people reading the report.</summary>
    public static string Describe(double? kappa) => kappa switch
    {
        null => "undefined",
        < 0 => "poor",
        <= 0.20 => "slight",
        <= 0.40 => "fair",
        <= 0.60 => "moderate",
        <= 0.80 => "substantial",
        _ => "almost perfect",
    };

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 4) : null;
}
