// PeerSelfAssessments: a provider sees its peers' self-assessments only as an anonymous distribution, and none below three peers, so no one's ratings can be read off it (ADR 14; NHS Complaint Standards self-assessment).
using System.Globalization;
using IcsComplaints.Learning.Domain.SelfAssessments;

namespace IcsComplaints.Learning.Domain.Rules;

/// <summary>A past year's result.</summary>
/// <param name="Year">Year.</param>
/// <param name="Levels">Level by expectation.</param>
/// <param name="SectionMeans">Mean by section.</param>
public sealed record YearResult(int Year, IReadOnlyDictionary<string, int> Levels, IReadOnlyDictionary<string, double> SectionMeans);

/// <summary>Peers' results, anonymous: how many organisations rated each expectation at each level.</summary>
/// <param name="Organisations">Peers that submitted (organisations of the same type).</param>
/// <param name="Suppressed">True when there are too few to show without identifying them.</param>
/// <param name="Distribution">Expectation → level → number of peers.</param>
/// <param name="SectionMedians">Median of the peers' section means.</param>
public sealed record PeerDistribution(
    int Organisations, bool Suppressed, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Distribution, IReadOnlyDictionary<string, double> SectionMedians);

/// <summary>
/// PeerSelfAssessments: an organisation's self-assessment is compared with organisations of the same type only as counts
/// per level and the median of their section means, and not at all below <see cref="MinimumPeers"/> of them (ADR 14).
/// </summary>
public static class PeerSelfAssessments
{
    /// <summary>Fewer peers than this are not shown, so no organisation's ratings can be read off the distribution.</summary>
    public const int MinimumPeers = 3;

    /// <summary>Peers' ratings as counts per level, or nothing when there are fewer than <see cref="MinimumPeers"/>.</summary>
    public static PeerDistribution Distribution(IReadOnlyList<SelfAssessment> peers)
    {
        if (peers.Count < MinimumPeers)
        {
            return new PeerDistribution(peers.Count, true, new Dictionary<string, IReadOnlyDictionary<string, int>>(), new Dictionary<string, double>());
        }
        var distribution = Framework.AllExpectations.ToDictionary(
            e => e.Id,
            e => (IReadOnlyDictionary<string, int>)Enumerable.Range(1, 4).ToDictionary(
                level => level.ToString(CultureInfo.InvariantCulture),
                level => peers.Count(p => p.Ratings.Any(r => r.ExpectationId == e.Id && r.Level == level))),
            StringComparer.Ordinal);
        var means = peers.Select(p => SectionMeans(Levels(p))).ToList();
        var medians = Framework.Sections.ToDictionary(s => s.Number, s => Median([.. means.Select(m => m[s.Number])]), StringComparer.Ordinal);
        return new PeerDistribution(peers.Count, false, distribution, medians);
    }

    /// <summary>Mean level of each section, over the expectations rated.</summary>
    public static IReadOnlyDictionary<string, double> SectionMeans(IReadOnlyDictionary<string, int> levels) =>
        Framework.Sections
            .Select(s => (s.Number, Levels: s.Expectations.Where(e => levels.ContainsKey(e.Id)).Select(e => levels[e.Id]).ToList()))
            .Where(s => s.Levels.Count > 0)
            .ToDictionary(s => s.Number, s => Math.Round(s.Levels.Average(), 2), StringComparer.Ordinal);

    private static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : Math.Round((sorted[mid - 1] + sorted[mid]) / 2, 2);
    }

    private static Dictionary<string, int> Levels(SelfAssessment a) => a.Ratings.ToDictionary(r => r.ExpectationId, r => r.Level, StringComparer.Ordinal);

    private static StandardsFramework Framework => StandardsFramework.Current;
}
