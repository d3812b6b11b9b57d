using IcsComplaints.Learning.Domain.Rules;
using IcsComplaints.Learning.Domain.SelfAssessments;

namespace IcsComplaints.UnitTests;

/// <summary><see cref="PeerSelfAssessments"/>: peers' self-assessments only as an anonymous distribution, none below three; the framework they rate against.</summary>
public sealed class PeerSelfAssessmentsTests
{
    [Fact]
    public void StandardsFramework_HasFourSections_UniqueExpectations_AndAnExampleOfEveryLevelInEachSection()
    {
        var framework = StandardsFramework.Current;

        Assert.Equal(["1", "2", "3", "4"], framework.Sections.Select(s => s.Number));
        Assert.Equal(25, framework.AllExpectations.Select(e => e.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal([1, 2, 3, 4], framework.Levels.Select(l => l.Level));
        Assert.All(framework.Levels, l => Assert.False(string.IsNullOrWhiteSpace(l.Descriptor)));
        Assert.All(framework.Sections, s => Assert.Equal(["1", "2", "3", "4"], s.Examples.Keys.Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void PeerDistribution_IsSuppressedBelowThreePeers_AndCountsLevelsOtherwise()
    {
        static SelfAssessment Rated(string code, int level)
        {
            var assessment = SelfAssessment.Start(code, "provider", 2026, new DateOnly(2026, 4, 1));
            foreach (var expectation in StandardsFramework.Current.AllExpectations)
            {
                assessment.Rate(expectation.Id, level, null, null);
            }
            return assessment;
        }

        var two = PeerSelfAssessments.Distribution([Rated("A", 2), Rated("B", 3)]);
        Assert.True(two.Suppressed);
        Assert.Empty(two.Distribution);

        var three = PeerSelfAssessments.Distribution([Rated("A", 2), Rated("B", 3), Rated("C", 3)]);
        Assert.False(three.Suppressed);
        Assert.Equal(new Dictionary<string, int> { ["1"] = 0, ["2"] = 1, ["3"] = 2, ["4"] = 0 }, three.Distribution["1.1"]);
        Assert.Equal(3.0, three.SectionMedians["4"]);
        Assert.Equal(2.5, PeerSelfAssessments.SectionMeans(new Dictionary<string, int> { ["1.1"] = 2, ["1.2"] = 3 })["1"]);
    }
}
