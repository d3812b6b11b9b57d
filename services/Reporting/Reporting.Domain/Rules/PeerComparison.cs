// PeerComparison: a provider sees its peers only as quartiles of rates resting on no small number, over at least three peers (ISB 1523; docs/reporting/measures.md, "Privacy").
using IcsComplaints.Reporting.Domain.Measures;

namespace IcsComplaints.Reporting.Domain.Rules;

/// <summary>
/// An organisation's own rate beside its peers' (organisations of the same type), anonymously. A provider sees this
/// about organisations it does not belong to, so it is under the small-numbers rule: a peer counts only if its rate
/// rests on no small number (a rate times a volume published elsewhere, such as KO41, would give the number back),
/// no counts are shown, and fewer than <see cref="MinimumPeers"/> such peers show no distribution at all.
/// </summary>
public static class PeerComparison
{
    /// <summary>Fewer peers than this are not shown.</summary>
    public const int MinimumPeers = 3;

    /// <summary>The rates compared.</summary>
    public static readonly IReadOnlyList<string> Measures = ["acknowledgedInTime", "resolvedEarly", "byAgreedDate", "upheldOrPartly"];

    /// <summary>The comparison for each rate, from every organisation's counts (the organisation's own among them).</summary>
    public static IReadOnlyList<PeerRate> Compare(string organisationCode, IReadOnlyList<PeerCounts> counts) =>
        [.. Measures.Select(measure =>
        {
            var ofMeasure = counts.Where(c => c.Measure == measure).ToList();
            var own = ofMeasure.FirstOrDefault(c => c.OrganisationCode == organisationCode);
            return Distribution(measure, own?.Numerator ?? 0, own?.Denominator ?? 0,
                ofMeasure.Where(c => c.OrganisationCode != organisationCode).Select(c => (c.Numerator, c.Denominator)));
        })];

    /// <summary>The organisation's own rate beside the quartiles of the peers whose rate may be shown.</summary>
    public static PeerRate Distribution(string measure, int ownNumerator, int ownDenominator, IEnumerable<(int Numerator, int Denominator)> peers)
    {
        var shown = peers.Where(r => r.Denominator >= SmallNumberSuppression.Threshold && SmallNumberSuppression.IsSafeRate(r.Numerator, r.Denominator))
            .Select(r => (double)r.Numerator / r.Denominator).Order().ToList();
        var own = ownDenominator > 0 ? Math.Round((double)ownNumerator / ownDenominator, 4) : (double?)null;
        return shown.Count < MinimumPeers
            ? new PeerRate(measure, own, shown.Count, true, null, null, null)
            : new PeerRate(measure, own, shown.Count, false, Quantile(shown, 0.25), Quantile(shown, 0.5), Quantile(shown, 0.75));
    }

    /// <summary>Linear-interpolation quantile of sorted values.</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double q)
    {
        var position = (sorted.Count - 1) * q;
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Count - 1);
        return Math.Round(sorted[lower] + ((sorted[upper] - sorted[lower]) * (position - lower)), 4);
    }
}
